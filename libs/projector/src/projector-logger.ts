/** Where the projector reports: Nest's Logger fits, and so does the console. */
export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleProjectorLogger: ProjectorLogger = {
  log: (message) => console.log(`[projector] ${message}`),
  warn: (message) => console.warn(`[projector] ${message}`),
  error: (message) => console.error(`[projector] ${message}`),
};

export const silentProjectorLogger: ProjectorLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
