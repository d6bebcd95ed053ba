import { projectConfig } from '../../vitest.base.js';

export default projectConfig();
