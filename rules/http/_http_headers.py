"""Request header names the HTTP rules recognise (HTTP009), compared case-insensitively.

The names are those the DataMiner protocol schema allows for a request header key
(its request-header and general-header enumerations, mostly the IANA message
header registry). `X-ATT-DevcieId` is the schema's own spelling; the registered
spelling `X-ATT-DeviceId` is accepted as well.
"""

_NAMES = """
A-IM Accept Accept-Charset Accept-Datetime Accept-Encoding Accept-Features Accept-Language
Access-Control-Request-Headers Access-Control-Request-Method Allow ALPN Apply-To-Redirect-Ref
Authorization C-Man C-PEP C-PEP-Info Cache-Control CalDAV-Timezones Close Compliance Connection
Content-Base Content-Disposition Content-Encoding Content-ID Content-Language Content-Length
Content-Location Content-MD5 Content-Style-Type Content-Type Content-Version Cookie Cookie2 Cost
Date DAV Default-Style Delta-Base Depth Derived-From Destination Differential-ID Digest
EDIINT-Features Expect Forwarded From Front-End-Https Hobareg Host HTTP2-Settings If If-Match
If-Modified-Since If-None-Match If-Range If-Schedule-Tag-Match If-Unmodified-Since Keep-Alive
Label Link Lock-Token Man Max-Forwards Message-ID Meter MIME-Version Negotiate Non-Compliance Opt
Optional Ordering-Type Origin Overwrite PEP PEP-Info PICS-Label Position Pragma Prefer
ProfileObject Protocol Protocol-Info Protocol-Query Protocol-Request Proxy-Authorization
Proxy-Features Range Referer Resolution-Hint Schedule-Reply Sec-WebSocket-Extensions
Sec-WebSocket-Key Sec-WebSocket-Protocol Sec-WebSocket-Version Security-Scheme SLUG SoapAction
SubOK Surrogate-Capability TE Timeout Title Transfer-Encoding TSV UA-Color UA-Media UA-Pixels
UA-Resolution UA-Windowpixels Upgrade-Insecure-Requests URI User-Agent Version Via Want-Digest
Warning X-ATT-DevcieId X-ATT-DeviceId X-Device-Accept X-Device-Accept-Charset
X-Device-Accept-Encoding X-Device-Accept-Language X-Device-User-Agent X-Forwarded-For
X-Forwarded-Host X-Forwarded-Proto X-Wap-Profile
"""

KNOWN_REQUEST_HEADERS: frozenset[str] = frozenset(name.lower() for name in _NAMES.split())


def is_known(key: str) -> bool:
    return key.strip().lower() in KNOWN_REQUEST_HEADERS
