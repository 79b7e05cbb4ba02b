"""Live checking: plan a WebSocket handshake from a protocol, perform it (`dmlint live`), serve it (`dmlint serve`)."""
