import { InvalidPlanInput, SparkException } from "../../errors/spark-exception.js";
import { tokenMatches } from "../auth.js";
import { PROTOCOL_VERSION, type HandshakeRequest } from "../protocol/messages.js";
import type { RequestContext } from "../request-context.js";
import { ENGINE_VERSION, SPARK_VERSION } from "../version.js";

/** The error a bad or missing token gets; it never says what the token should be. */
export function authenticationFailed(): SparkException {
  return new SparkException("SparkConnectGrpcException", "AUTHENTICATION_FAILED", {
    message: "the handshake did not present the engine's auth token (set it with .remote(\"tcp://host:port/;token=…\") or TSPARK_AUTH_TOKEN)",
  });
}

/**
 * First message of a connection: checks the token (constant time) and the protocol
 * version, then creates a session owned by the sender's identity. Its Python code runs with the
 * interpreter the client asks for (spark.pyspark.python, else its own `pythonExec`) only when the
 * engine's allow-list holds it, else with the engine's default (security/python-allow-list.ts).
 */
export async function handleHandshake(req: HandshakeRequest, rc: RequestContext): Promise<void> {
  const { sessions, token, log } = rc.state;
  if (!tokenMatches(token, req.token)) {
    sessions.revoke(rc.identity);
    log(`handshake from ${rc.identity} refused: bad or missing token`);
    throw authenticationFailed();
  }
  if (req.protocolVersion !== PROTOCOL_VERSION) {
    throw new InvalidPlanInput(
      `protocol version ${req.protocolVersion} is not supported; this engine speaks protocol version ${PROTOCOL_VERSION}`,
    );
  }
  const conf = req.appName === undefined ? req.conf : { ...req.conf, "spark.app.name": req.appName };
  const pythonExec = chooseInterpreter(req.conf["spark.pyspark.python"] ?? req.pythonExec, rc);
  const session = sessions.create(rc.identity, pythonExec, conf, req.clientPid);
  log(`session ${session.id} opened by ${req.client}`);
  await rc.send({
    kind: "handshakeOk",
    id: req.id,
    sessionId: session.id,
    engineVersion: ENGINE_VERSION,
    sparkVersion: SPARK_VERSION,
  });
}

/** The interpreter a session runs: the requested one when allowed, else the engine's default. */
function chooseInterpreter(requested: string, rc: RequestContext): string {
  const allow = rc.state.pythonAllowList;
  if (allow === undefined) return requested;
  const listed = allow.match(requested);
  if (listed !== undefined) return listed;
  rc.state.log(`client ${rc.identity} asked for Python interpreter ${JSON.stringify(requested)}, which is not in the engine's allow-list (serve --python); its session runs ${allow.defaultInterpreter}`);
  return allow.defaultInterpreter;
}
