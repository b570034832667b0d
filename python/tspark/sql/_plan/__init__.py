"""Plan building: plain dicts matching bridge/PROTOCOL.md ("Relations", "Expressions")."""
