import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { createDesk, type Desk } from '../app/desk.js';
import { stderrLogger } from '../ipc/dispatch.js';
import { prepareTrainingRegister, TRAINING_LOGIN } from '../app/training.js';
import { parseDeskArgs, registerOptions } from '../launcher/args.js';
import { defaultUserDataDir } from '../launcher/user-data-dir.js';
import { registerIpcHandlers } from './ipc.js';
import { createMenuTemplate } from './menu.js';
import { createWindowOptions } from './window-options.js';
import { describeFailure } from '../console/messages.js';

// The shell stays thin: everything behind the window is the same desk the bridge and tests run.
const args = parseDeskArgs(process.argv.slice(1));
const isDevelopment = Boolean(process.env.ELECTRON_RENDERER_URL);
const here = path.dirname(fileURLToPath(import.meta.url));
app.setPath('userData', defaultUserDataDir());

if (!app.requestSingleInstanceLock()) {
  // A second copy of the desk would be a second writer on the register; hand focus to the first.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let desk: Desk | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void desk?.close());

  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate(isDevelopment)));

    desk = await createDesk({
      dataDir: args.demo ? await prepareTrainingRegister() : (args.dataDir ?? app.getPath('userData')),
      demo: args.demo,
      appVersion: app.getVersion(),
      logger: stderrLogger,
      ...registerOptions(args),
      ...(args.demo ? { trainingLogin: TRAINING_LOGIN } : {}),
    });
    const rendererFile = path.join(here, '../renderer/index.html');
    registerIpcHandlers(ipcMain, desk.dispatcher, {
      fileUrl: pathToFileURL(rendererFile).href,
      devOrigin: process.env.ELECTRON_RENDERER_URL,
    });

    mainWindow = new BrowserWindow(
      createWindowOptions({ preloadPath: path.join(here, '../preload/index.cjs'), title: 'ЦНАП — довідки' }),
    );
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    if (process.env.ELECTRON_RENDERER_URL) await mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL);
    else await mainWindow.loadFile(rendererFile);
  }).catch((error: unknown) => {
    console.error(describeFailure(error));
    app.exit(1);
  });
}
