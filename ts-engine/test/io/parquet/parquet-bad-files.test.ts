import { open } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readFooter } from "../../../src/io/parquet/parquet-footer.js";
import { sparkSchemaOf } from "../../../src/io/parquet/parquet-schema.js";
import { readRowGroup } from "../../../src/io/parquet/row-group-reader.js";
import { SparkException } from "../../../src/errors/spark-exception.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../../../tests/fixtures/parquet/${name}`, import.meta.url));

describe("malformed Parquet files", () => {
  it("a corrupt footer raises FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER naming the file", async () => {
    const path = fixture("corrupt-footer.parquet");
    const err = await readFooter(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkException);
    expect((err as SparkException).errorClass).toBe("FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER");
    expect((err as SparkException).messageParameters["path"]).toBe(`file:${path}`);
  });

  it("a file that is not Parquet raises the same error", async () => {
    const path = fixture("make_spark_fixtures.py");
    const err = await readFooter(path).catch((e: unknown) => e);
    expect((err as SparkException).errorClass).toBe("FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER");
  });

  it("an unsupported encoding is an error naming the encoding and the column", async () => {
    const path = fixture("unsupported-encoding.parquet");
    const footer = await readFooter(path);
    const fh = await open(path);
    try {
      await expect(readRowGroup(fh, footer, 0, sparkSchemaOf(footer.metadata).fields, false)).rejects.toThrow("unsupported Parquet encoding BIT_PACKED in column x");
    } finally {
      await fh.close();
    }
  });
});
