/** Arrow IPC result chunks: the encoder lives below the server and the Node API, which both use it. */
export { arrowType, encodeArrowIpc } from "../../engine/arrow-encode.js";
