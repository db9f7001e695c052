#!/usr/bin/env python3
"""Generate trent-protocol's declarative KMS input model from the Smithy JSON AST.

Run once by hand when the model changes, then review and commit the output:

    python3 tools/gen-model.py ../shared/spec/kms.smithy.json \
        trent-protocol/src/main/resources/trent/protocol/model/kms-model.json

Only facts are carried over (names, types, constraints, enum values, required and sensitive
flags); no documentation text. The build and the server never read the Smithy model: they read
the generated resource only.

The "documented" section holds rules stated in the member documentation but not encoded as model
traits (OPERATIONS.md: "documented a..b"). They are maintained here, by hand, with where each rule
and each message came from.
"""
import json
import sys

NS = "com.amazonaws.kms#"

# Rules OPERATIONS.md lists as "documented a..b" (tighter than the model's range trait).
# "message": the text AWS answers when only the documented rule is broken; absent when no AWS
# answer was found, in which case the standard range message with the documented bound is used.
DOCUMENTED = [
    {
        "operation": "ScheduleKeyDeletion",
        "member": "PendingWindowInDays",
        "range": {"min": 7, "max": 30},
        "message": "PendingWindowInDays must be between 7 and 30",
        "comment": "Rule: OPERATIONS.md ScheduleKeyDeletion (documented 7..30; model range 1..365). "
        "Message: real AWS answer quoted with its request id in GitHub issue Skyscanner/kms-issuer#8 "
        "(PendingWindowInDays=1, HTTP 400 ValidationException). The model range 1..365 is still "
        "checked first with the standard message.",
    },
    {
        "operation": "ListAliases",
        "member": "Limit",
        "range": {"min": 1, "max": 100},
        "comment": "Rule: OPERATIONS.md ListAliases (documented 1..100; model range 1..1000). "
        "AWS's answer not found; standard range message with the documented bound.",
    },
    {
        "operation": "ListGrants",
        "member": "Limit",
        "range": {"min": 1, "max": 100},
        "comment": "Rule: OPERATIONS.md ListGrants (documented 1..100; model range 1..1000). "
        "AWS's answer not found; standard range message with the documented bound.",
    },
    {
        "operation": "ListRetirableGrants",
        "member": "Limit",
        "range": {"min": 1, "max": 100},
        "comment": "Rule: OPERATIONS.md ListRetirableGrants (documented 1..100; model range 1..1000). "
        "AWS's answer not found; standard range message with the documented bound.",
    },
    {
        "operation": "ListResourceTags",
        "member": "Limit",
        "range": {"min": 1, "max": 50},
        "comment": "Rule: OPERATIONS.md ListResourceTags (documented 1..50; model range 1..1000). "
        "AWS's answer not found; standard range message with the documented bound.",
    },
]

# Order in which AWS lists an enum's values in "Member must satisfy enum value set: [...]" where it
# was observed and the observed set is exactly the current model's set. AWS's order is neither the
# model order nor alphabetical; elsewhere the model order is used.
ENUM_MESSAGE_ORDER = {
    "MacAlgorithmSpec": {
        "values": ["HMAC_SHA_384", "HMAC_SHA_256", "HMAC_SHA_224", "HMAC_SHA_512"],
        "comment": "Recorded from AWS in localstack/localstack "
        "tests/aws/services/kms/test_kms.snapshot.json (test_invalid_generate_mac[HMAC_256-INVALID]).",
    },
}


def short(target):
    assert target.startswith(NS), target
    return target[len(NS):]


def convert(shapes, name, out):
    if name in out:
        return
    shape = shapes[NS + name]
    traits = shape.get("traits", {})
    kind = shape["type"]
    result = {}
    if kind == "structure":
        members = []
        out[name] = result  # placeholder first: recursive shapes terminate
        result["type"] = "structure"
        for member_name, member in shape["members"].items():
            target = short(member["target"])
            convert(shapes, target, out)
            members.append({
                "name": member_name,
                "target": target,
                "required": "smithy.api#required" in member.get("traits", {}),
                "sensitive": bool(out[target].get("sensitive", False)),
            })
        result["members"] = members
        return
    if kind == "list":
        target = short(shape["member"]["target"])
        result = {"type": "list", "member": target}
        copy_length(traits, result)
        out[name] = result
        convert(shapes, target, out)
        return
    if kind == "map":
        key, value = short(shape["key"]["target"]), short(shape["value"]["target"])
        result = {"type": "map", "key": key, "value": value}
        copy_length(traits, result)
        out[name] = result
        convert(shapes, key, out)
        convert(shapes, value, out)
        return
    if kind in ("string", "enum"):
        result = {"type": "string"}
        copy_length(traits, result)
        if "smithy.api#pattern" in traits:
            result["pattern"] = traits["smithy.api#pattern"]
        if kind == "enum":
            result["enum"] = [m["traits"]["smithy.api#enumValue"] for m in shape["members"].values()]
    elif kind == "integer":
        result = {"type": "integer"}
        if "smithy.api#range" in traits:
            result["range"] = {k: traits["smithy.api#range"][k] for k in ("min", "max")
                               if k in traits["smithy.api#range"]}
    elif kind in ("boolean", "timestamp"):
        result = {"type": kind}
    elif kind == "blob":
        result = {"type": "blob"}
        copy_length(traits, result)
    else:
        raise ValueError(f"unsupported shape type {kind} for {name}")
    if "smithy.api#sensitive" in traits:
        result["sensitive"] = True
    out[name] = result


def copy_length(traits, result):
    if "smithy.api#length" in traits:
        length = traits["smithy.api#length"]
        result["length"] = {k: length[k] for k in ("min", "max") if k in length}


def main(source, destination):
    with open(source, encoding="utf-8") as f:
        shapes = json.load(f)["shapes"]
    service = next(v for v in shapes.values() if v["type"] == "service")
    operations = {}
    out = {}
    for ref in sorted(service["operations"], key=lambda o: o["target"]):
        op_name = short(ref["target"])
        op = shapes[ref["target"]]
        input_name = short(op["input"]["target"])
        output = op.get("output", {}).get("target", "smithy.api#Unit")
        operations[op_name] = {
            "input": input_name,
            "output": None if output == "smithy.api#Unit" else short(output),
        }
        convert(shapes, input_name, out)
    for rule in DOCUMENTED:
        input_shape = out[operations[rule["operation"]]["input"]]
        assert any(m["name"] == rule["member"] for m in input_shape["members"]), rule
    for enum_name, order in ENUM_MESSAGE_ORDER.items():
        assert sorted(order["values"]) == sorted(out[enum_name]["enum"]), enum_name
    document = {
        "comment": "Generated by tools/gen-model.py from the KMS Smithy model (facts only: names, "
        "types, constraints, enum values in model order, required and sensitive flags). Input "
        "shapes only; outputs are named but not described. Do not edit by hand.",
        "service": "TrentService",
        "operations": operations,
        "shapes": dict(sorted(out.items())),
        "documented": DOCUMENTED,
        "enumMessageOrder": ENUM_MESSAGE_ORDER,
    }
    with open(destination, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, ensure_ascii=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
