"""## What it does
Reports leading or trailing whitespace in HTTP session values where it is never
meant: a `Session@id`, a session `Connection@id`, a request `Header@key`, and the
fixed value written inside a request `<Header>`.

## Why is this bad
Ids with spaces are read as numbers by some tools and as text by others, so
lookups and `SuppressValidator` ranges behave differently. A header key or value
with spaces is sent as written: many servers reject `" Accept"` as a header name
or compare the value literally, so `Bearer abc ` fails authentication.

A `<Header>` whose text is only whitespace is not reported when it has a `pid`
(the text is then unused, and pretty-printed XML often leaves a line break there).

## Example
```xml
<Session id=" 4" name="Status">
  <Connection id="1 ">
    <Request verb="GET" url="status">
      <Headers>
        <Header key=" Accept">  application/json  </Header>
      </Headers>
    </Request>
  </Connection>
</Session>
```

## Use instead
```xml
<Session id="4" name="Status">
  <Connection id="1">
    <Request verb="GET" url="status">
      <Headers>
        <Header key="Accept">application/json</Header>
      </Headers>
    </Request>
  </Connection>
</Session>
```

## Fix safety
Safe: the fix removes the whitespace around the id, key or header value, as written.
"""

from dmlint.core.fixes import Fix, trim_attribute, trim_text
from dmlint.core.problem import Problem
from dmlint.rules.http._http import UNTRIMMED, id_status, session_connections, session_label

CODE = "HTTP005"
NAME = "http-value-untrimmed"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "An HTTP session id, connection id, header key or header value has surrounding whitespace"


def _trimmed(model, element, attribute=None):
    edit = trim_text(model.document, element) if attribute is None else trim_attribute(model.document, element,
                                                                                          attribute)
    return Fix.of(edit, message=f"trim {'the text' if attribute is None else attribute}")


def check(model):
    for session in model.all_sessions:
        raw = session.element.get("id")
        if id_status(raw) == UNTRIMMED:
            yield Problem(session.element, f"HTTP session id '{raw}' has surrounding whitespace: write '{raw.strip()}'",
                          attribute="id", official="8.16.3", fix=_trimmed(model, session.element, "id"))
    for connection in session_connections(model):
        raw = connection.element.get("id")
        if id_status(raw) == UNTRIMMED:
            yield Problem(connection.element,
                          f"connection id '{raw}' in {session_label(connection.session)} has surrounding "
                          f"whitespace: write '{raw.strip()}'", attribute="id", official="8.17.3",
                          fix=_trimmed(model, connection.element, "id"))
        for header in connection.request_headers:
            key = header.get("key")
            if key is not None and key.strip() and key != key.strip():
                yield Problem(header, f"request header key '{key}' ({connection.where}) has surrounding whitespace, "
                                      f"which is sent as part of the header name: write '{key.strip()}'",
                              attribute="key", official="8.3.2", fix=_trimmed(model, header, "key"))
            text = header.text
            if text is None or text == text.strip():
                continue
            if not text.strip() and header.get("pid") is not None:
                continue  # unused text next to a pid
            shown = text if len(text) <= 60 else text[:57] + "..."
            yield Problem(header, f"request header '{(key or '').strip() or '(no key)'}' ({connection.where}) has a "
                                  f"value with surrounding whitespace ('{shown}'), which is sent as written: trim it",
                          official="8.2.1", fix=_trimmed(model, header))
