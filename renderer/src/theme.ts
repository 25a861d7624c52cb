import { Badge, createTheme, Pill, darken, DEFAULT_THEME, luminance, toRgba, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * Large, calm type for tired eyes: body text 16 px, nothing under 14 px. Every colour the desk
 * draws text in is made to read at the WCAG AA ratio, 4.5:1 (see `cssVariablesResolver`).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  fontSizes: { xs: '14px', sm: '15px', md: '16px', lg: '18px', xl: '20px' },
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  // Drawers, dialogs and popovers appear at once for those whose system asks for less motion.
  respectReducedMotion: true,
  defaultRadius: 'sm',
  components: {
    // Status and day-total badges at 14 px like all other text (Mantine's are 9–13 px).
    Badge: Badge.extend({ vars: () => ({ root: { '--badge-fz': '14px', '--badge-height': '26px' } }) }),
    // The chosen values of a multi-select (a journal's sorts) at 14 px too (Mantine's pills are 12 px).
    Pill: Pill.extend({ vars: () => ({ root: { '--pill-fz': '14px', '--pill-height': '24px' } }) }),
    MultiSelect: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
    Kbd: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    DateInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Autocomplete: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    Radio: { defaultProps: { size: 'md' } },
  },
});

const AA_TEXT = 4.5;
const WHITE = '#ffffff';

/** WCAG's contrast ratio of two colours. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** `color` darkened in small steps until text in it reads at AA on `background`. */
export function readableOn(background: string, color: string): string {
  let readable = color;
  for (let step = 0; step < 30 && contrastRatio(readable, background) < AA_TEXT; step += 1) readable = darken(readable, 0.06);
  return readable;
}

/** A colour laid over white at `opacity`, as the light variants' tinted backgrounds are. */
function overWhite(color: string, opacity: number): string {
  const { r, g, b } = toRgba(color);
  const mix = (channel: number) => Math.round(255 - (255 - channel) * opacity);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/**
 * Mantine's own shades put white on green, orange or teal and tinted text on tinted light
 * backgrounds below 4.5:1 (the blue «light» button reads at 4.4, an orange alert title at 3.2).
 * Each colour's filled background and light-variant text are darkened just enough, whatever
 * colour a screen picks; the grey of secondary text and the red of a field's error too (Mantine's
 * are 3.3:1 on white).
 */
function readableColorVariables(colors: Record<string, MantineColorsTuple>): Record<string, string> {
  const variables: Record<string, string> = { '--mantine-color-dimmed': '#495057', '--mantine-color-error': readableOn(WHITE, DEFAULT_THEME.colors.red[8]) };
  for (const [name, shades] of Object.entries(colors)) {
    // The light variants lay shade 6 over white at 10 % (12 % when hovered): text must read on both.
    const tinted = overWhite(shades[6], 0.12);
    const text = readableOn(tinted, shades[8]);
    const filled = readableOn(WHITE, shades[8]);
    variables[`--mantine-color-${name}-light-color`] = text;
    variables[`--mantine-color-${name}-text`] = text;
    variables[`--mantine-color-${name}-filled`] = filled;
    variables[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
  }
  return variables;
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: readableColorVariables(DEFAULT_THEME.colors),
  dark: {},
});
