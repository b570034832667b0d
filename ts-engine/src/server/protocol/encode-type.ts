/** The JSON type form lives with the types (one home for the server and the Python worker). */
export { encodeDataType, encodeStructType } from "../../types/type-json.js";
