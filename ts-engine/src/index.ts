/** tspark's Node API: the engine in-process, with PySpark's method names. */
export * from "./types/data-type.js";
