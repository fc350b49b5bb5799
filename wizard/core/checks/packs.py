"""Pack-level checks: ids and file names, dates, duplicate section and question ids, country
group codes."""

from __future__ import annotations

from collections import Counter

from wizard.core.iso3166 import ISO_CODES


def check(ctx) -> None:
    pack_ids = Counter(pack.id for pack in ctx.packs)
    for path, pack, _ in ctx.read:
        if pack_ids[pack.id] > 1:
            ctx.add("P001", pack.id, 1, f"pack id '{pack.id}' is used by more than one file")
        if path.stem != pack.id:
            ctx.add("P002", pack.id, 1, f"pack id '{pack.id}' should match the file name "
                    f"'{path.stem}'")
        if pack.review_by <= pack.as_of:
            ctx.add("P003", pack.id, 1, f"review_by {pack.review_by} must be after as_of "
                    f"{pack.as_of}")
        for name, group in pack.country_groups.items():
            for code in group.countries:
                if code not in ISO_CODES:
                    ctx.add("P006", pack.id, 1, f"country group {name}: '{code}' is not an ISO "
                            "3166 alpha-2 country code")
        for sid, n in Counter(s.id for s in pack.sections).items():
            if n > 1:
                ctx.add("P004", pack.id, 1, f"section id '{sid}' is used {n} times")
        for qid, n in Counter(q.id for s in pack.sections for q in s.questions).items():
            if n > 1:
                ctx.add("P005", pack.id, ctx.line(f"{pack.id}.{qid}"),
                        f"question id '{qid}' is used {n} times in the pack")
