"""WS: the WebSocket connection and its custom handshake session (no official counterpart)."""
