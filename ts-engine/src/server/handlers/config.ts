import { InvalidPlanInput } from "../../errors/spark-exception.js";
import { checkTimeZoneConf } from "../../expr/datetime/zone-rules.js";
import type { ConfigRequest } from "../protocol/messages.js";
import type { RequestContext } from "../request-context.js";
import type { Session } from "../sessions.js";

function needKey(req: ConfigRequest): string {
  if (req.key === undefined) throw new InvalidPlanInput(`config ${req.op} needs a key`);
  return req.key;
}

/** spark.conf: set/get/unset one key, or getAll (the keys set in this session). */
export async function handleConfig(req: ConfigRequest, session: Session, rc: RequestContext): Promise<void> {
  switch (req.op) {
    case "set": {
      if (req.value === undefined) throw new InvalidPlanInput("config set needs a value");
      checkTimeZoneConf(needKey(req), req.value);
      session.conf.set(needKey(req), req.value);
      return rc.send({ kind: "configResult", id: req.id });
    }
    case "get": {
      // An unknown key without a default has no `value`: the client raises SQL_CONF_NOT_FOUND.
      const value = session.conf.get(needKey(req));
      return rc.send(value === undefined ? { kind: "configResult", id: req.id } : { kind: "configResult", id: req.id, value });
    }
    case "unset":
      session.conf.unset(needKey(req));
      return rc.send({ kind: "configResult", id: req.id });
    case "getAll":
      return rc.send({ kind: "configResult", id: req.id, pairs: session.conf.entries() });
  }
}
