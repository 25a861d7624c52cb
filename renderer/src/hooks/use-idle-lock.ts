import { useEffect, useRef } from 'react';
import { isIdle } from '../stores/session-store.js';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/** Calls `onIdle` once after `minutes` without keyboard or pointer activity in the window. */
export function useIdleLock(minutes: number, onIdle: () => void, enabled: boolean): void {
  const lastActivity = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (isIdle(lastActivity.current, Date.now(), minutes)) onIdle();
    }, 10_000);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
    };
  }, [minutes, onIdle, enabled]);
}
