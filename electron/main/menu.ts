import type { MenuItemConstructorOptions } from 'electron';

/** The application menu in Ukrainian; only standard roles, no remote content, no dev tools in production. */
export function createMenuTemplate(isDevelopment: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Звичайний розмір' },
    { role: 'zoomIn', label: 'Збільшити' },
    { role: 'zoomOut', label: 'Зменшити' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'На весь екран' },
  ];
  if (isDevelopment) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Інструменти розробника' });
  return [
    { label: 'Файл', submenu: [{ role: 'quit', label: 'Вийти' }] },
    {
      label: 'Редагування',
      submenu: [
        { role: 'undo', label: 'Скасувати' },
        { role: 'redo', label: 'Повторити' },
        { type: 'separator' },
        { role: 'cut', label: 'Вирізати' },
        { role: 'copy', label: 'Копіювати' },
        { role: 'paste', label: 'Вставити' },
        { role: 'selectAll', label: 'Виділити все' },
      ],
    },
    { label: 'Вигляд', submenu: view },
    { label: 'Вікно', submenu: [{ role: 'minimize', label: 'Згорнути' }, { role: 'close', label: 'Закрити' }] },
  ];
}
