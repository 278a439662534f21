#!/usr/bin/env python3
"""Writes the committed seed corpus fuzz/corpus/<target>/ (small, hand-picked inputs).

Run again after adding seeds; libFuzzer grows its own working corpus under
.build/fuzz-corpus/ from these, which is not committed."""
import hashlib, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
actions = [
    {"type": "launch"}, {"type": "background"}, {"type": "lock"}, {"type": "unlock"},
    {"type": "memoryWarning"}, {"type": "backgroundFetch"}, {"type": "locationEvent"},
    {"type": "openURL", "url": "myapp://x?y=1"}, {"type": "openUniversalLink", "url": "https://example.com/a"},
    {"type": "tapNotification", "payload": {"aps": {"alert": "Hi"}}},
    {"type": "receiveNotification", "payload": {"aps": {"content-available": 1}, "k": [1, 2.5e3, None, True]}},
    {"type": "terminate", "by": "system"}, {"type": "terminate", "by": "user"},
    {"type": "interruptionBegan", "kind": "call"}, {"type": "interruptionEnded", "outcome": "declined"},
    {"type": "quickAction", "shortcutType": "com.example.new"}, {"type": "beginBackgroundTask", "name": "upload"},
    {"type": "endBackgroundTask", "id": 1}, {"type": "advanceTime", "seconds": 30},
    {"type": "openScene", "by": "user"}, {"type": "activateScene", "sceneId": "scene-1"},
    {"type": "closeScene", "sceneId": "scene-1"}, {"type": "disconnectScene"},
    {"type": "push", "name": "Detail"}, {"type": "pop"}, {"type": "present", "name": "Sheet", "style": "fullScreen"},
    {"type": "dismiss"}, {"type": "cancelInteractivePop", "sceneId": "scene-1"},
]
configs = [
    {}, {"lifecycle": "app", "iosVersion": "11.0"}, {"lifecycle": "scene", "iosVersion": "13.0"},
    {"lifecycle": "scene", "iosVersion": "17.0", "device": "ipad", "supportsMultipleScenes": True},
    {"lifecycle": "app", "iosVersion": "9.3", "stateRestoration": True, "notificationCenterDelegate": True,
     "backgroundModes": ["fetch", "remote-notification", "location", "audio", "processing"], "rootViewController": "Home"},
    {"lifecycle": "app", "iosVersion": "16.0", "quirks": {"orientationQueries": False, "protectedDataDelay": 10}},
]
jsons = [b'{}', b'[]', b'"\\u00e9\\ud83d\\ude00"', b'-0.5e+10', b'[true,false,null]', b'{"a":{"b":[1,{"c":"d"}]}}',
         b' \n\t{"x" : 1 , "y" : [ ] }\r\n', b'"\\"\\\\\\/\\b\\f\\n\\r\\t"', b'[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]',
         json.dumps({f"k{i}": i for i in range(20)}).encode()]
routes = [b"\x00/healthz", b"\x00/v1/sessions", b"\x01/v1/sessions", b"\x00/v1/sessions?limit=1",
          b"\x00/v1/sessions/00000000-0000-4000-8000-000000000000", b"\x02/v1/sessions/00000000-0000-4000-8000-000000000000",
          b"\x01/v1/sessions/00000000-0000-4000-8000-000000000000/actions",
          b"\x00/v1/sessions/00000000-0000-4000-8000-000000000000/callbacks", b"\x01/v1/simulate",
          b"\x00/v1/sessions/%41/x", b"\x04//v1//sessions/", b"\x00/v1/sessions/not-a-uuid"]

def write(target, items):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    for item in items:
        data = item if isinstance(item, bytes) else json.dumps(item, separators=(",", ":")).encode()
        with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
            f.write(data)

write("json", jsons + [json.dumps(a).encode() for a in actions[:5]])
write("action", actions)
write("config", configs)
write("route", routes)
