"""## What it does
Checks every place an HTTP session names a parameter by id and reports ids that
match no `Params/Param` (also when the protocol has no `<Params>` at all):

- `Session@userName`, `password`, `proxyServer`, `proxyUser`, `proxyPassword`
  when numeric (a non-numeric value is a literal user name, password, ...);
- `Request@pid` (the URL), `Request/Data@pid` (the body),
  `Request/Headers/Header@pid`, `Request/Parameters/Parameter@pid`;
- `Response@statusCode`, `Response/Content@pid`, `Response/Headers/Header@pid`.

Blank or non-numeric `pid`/`statusCode` values are HTTP007's business.

## Why is this bad
DataMiner fills the request from, and stores the response into, these
parameters. A reference to a parameter that does not exist silently sends an
empty value (wrong URL, missing header, failed login) or drops the response.

## Example
```xml
<Session id="1" name="Status" userName="12">
  <Connection id="1">
    <Request verb="GET" pid="10"/>
    <Response statusCode="11"><Content pid="13"/></Response>
  </Connection>
</Session>
<!-- Params holds 10 and 11 only -->
```

## Use instead
```xml
<Params>
  <Param id="10">...</Param>  <!-- URL -->
  <Param id="11">...</Param>  <!-- status line -->
  <Param id="12">...</Param>  <!-- user name -->
  <Param id="13">...</Param>  <!-- body -->
</Params>
```
"""

from dmlint.model.references import reported_by

CODE = "HTTP006"
NAME = "http-param-missing"
SEVERITY = "error"
SUMMARY = "An HTTP session attribute names a parameter that does not exist"

check = reported_by(CODE)
