"""The ZeroMQ bridge to the engine: encoding, messages, the DEALER client, and the launcher."""
