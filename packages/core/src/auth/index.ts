export type { AtlasAuth, AuthRequest } from "./types.js";
