/** Version of ikz-kit, written into every workbook's metadata (a test keeps it equal to package.json). */
export const GENERATOR_VERSION = "0.1.0";
