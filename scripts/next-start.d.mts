export const SERVER_NODE_FLAGS: string[];
export function nextStartArgs(port: number | string, host?: string): string[];
