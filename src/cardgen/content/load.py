"""Read a content folder, validate every file, and return the library or every problem at once."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from cardgen.content.coaching import plan_warnings
from cardgen.content.library import REPLACES, SHIPPED, YOURS, Library, content_files, content_layers, display_path
from cardgen.content.messages import describe, suggest
from cardgen.content.model import ID_PATTERN, Exercise, PlanTemplate, read_exercise, read_plan
from cardgen.content.source import Source, format_path
from cardgen.content.yamlsource import read_yaml
from cardgen.errors import ContentError, Problem
from cardgen.glyphs import glyph_message, unprintable


def load_content(root: Path, lenient: bool = False) -> Library:
    """A content folder over the shipped library: its own ids are added, and replace shipped ones."""
    over = content_layers(root)[:-1]
    if not over:
        return load_library(root, origin=SHIPPED, lenient=lenient)
    return load_library(root, over=over[0], lenient=lenient)


def load_library(root: Path, over: Path | None = None, origin: str = YOURS, lenient: bool = False) -> Library:
    """Load and validate `root` (laid over the library `over`, if given); raise ContentError listing every problem.

    `lenient`: problems only stop the plans they concern. Those plans are set aside with their problems
    (Library.unbuildable) and the rest still build; it raises only when no plan is left to build."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentError([Problem(display_path(root), 0, "", "content folder not found")])
    exercises: dict[str, Exercise] = {}
    plans: dict[str, PlanTemplate] = {}
    ex_sources: dict[str, Source] = {}
    plan_sources: dict[str, Source] = {}
    ex_roots: dict[str, Path] = {}  # an exercise's picture is named relative to its own folder
    origins: dict[str, str] = {}
    broken: dict[str, Source | None] = {}
    broken_plans: dict[str, Source | None] = {}
    layers: list[tuple[Path, str]] = [(over, SHIPPED)] if over is not None else []
    for folder, layer_origin in [*layers, (root, origin)]:
        layer_ex, layer_ex_sources, layer_broken = _load_kind(folder / "exercises", "Exercise", problems)
        layer_plans, layer_plan_sources, layer_broken_plans = _load_kind(folder / "plans", "PlanTemplate", problems)
        # A broken file of the same id still replaces the shipped one: its own problems are reported.
        for ex_id in [*layer_ex, *layer_broken]:
            if ex_id in exercises:
                del exercises[ex_id]
            origins[ex_id] = REPLACES if ex_id in origins and layer_origin == YOURS else layer_origin
        for plan_id in [*layer_plans, *layer_broken_plans]:
            plans.pop(plan_id, None)
            broken_plans.pop(plan_id, None)
            key = f"plan:{plan_id}"
            origins[key] = REPLACES if key in origins and layer_origin == YOURS else layer_origin
        exercises.update(layer_ex)
        plans.update(layer_plans)
        ex_sources.update(layer_ex_sources)
        plan_sources.update(layer_plan_sources)
        ex_roots.update(dict.fromkeys(layer_ex, folder))
        broken = {k: v for k, v in broken.items() if k not in layer_ex} | layer_broken
        broken_plans.update(layer_broken_plans)
    if not exercises and not any(p.file.startswith(display_path(root / "exercises")) for p in problems):
        problems.append(Problem(display_path(root / "exercises"), 0, "", "no exercise files (*.yaml) found"))
    for ex_id, ex in exercises.items():
        problems += _check_exercise(ex_id, ex, exercises, broken, ex_sources[ex_id], ex_roots[ex_id])
    # A file the schema refused still names exercises: check those too, so one run reports everything.
    for kind_broken, paths in ((broken, _VARIANT_REFS), (broken_plans, _SESSION_REFS)):
        for source in kind_broken.values():
            if source is not None:
                problems += _raw_refs(source, paths, exercises, broken)
    left_out: list[Problem] = []
    for plan_id, plan in list(plans.items()):
        found = _check_plan(plan, exercises, broken, plan_sources[plan_id])
        if found and over is not None and origins[f"plan:{plan_id}"] == SHIPPED:
            # A shipped plan is valid on its own: only an exercise of yours that replaces one of its
            # exercises can break it. Your content must still build, so that plan is left out.
            del plans[plan_id]
            first = found[0]
            yours = sorted({item.exercise for session in plan.sessions.values() for item in session.exercises if origins.get(item.exercise) == REPLACES})
            reason = f"{first.field}: {first.message}" if first.field else first.message
            message = f"shipped plan {plan_id!r} is left out: it does not fit your {', '.join(yours)} ({reason})"
            left_out.append(Problem(first.file, first.line, "", message))
            continue
        problems += found
    unbuildable: dict[str, tuple[Problem, ...]] = {}
    if problems and lenient:
        # Each plan needs its own file and the files of every exercise it can reach (its exercises and
        # their alternatives); problems elsewhere do not concern it.
        files = {k: s.file for k, s in ex_sources.items()} | {k: s.file for k, s in broken.items() if s is not None}
        for plan_id, plan in list(plans.items()):
            needs = {plan_sources[plan_id].file} | {files[e] for e in _reachable(plan, exercises) if e in files}
            if mine := tuple(p for p in problems if p.file in needs):
                unbuildable[plan_id] = mine
                del plans[plan_id]
        unbuildable |= {plan_id: tuple(p for p in problems if p.file == s.file) for plan_id, s in broken_plans.items() if s is not None}
        if not plans:
            raise ContentError(problems)
    elif problems:
        raise ContentError(problems)
    warnings = sorted([
        *left_out,
        *(w for plan_id, plan in plans.items() for w in plan_warnings(plan, exercises, plan_sources[plan_id])),
        *_figure_warnings(exercises, ex_sources),
    ])
    pictures = tuple(ex_roots[k] / ex.image for k, ex in exercises.items() if ex.image)
    # Pictures are named relative to the content folder; later stages get them ready to open.
    exercises = {k: replace(ex, image=str((ex_roots[k] / ex.image).resolve())) if ex.image else ex for k, ex in exercises.items()}
    sources = {**ex_sources, **{f"plan:{k}": v for k, v in plan_sources.items()}}
    # A left-out plan keeps its source, so its warning stays with it (Library.warnings_for).
    origins = {k: v for k, v in origins.items() if k in sources}
    return Library(root, exercises, plans, sources, tuple(warnings), origins, tuple(sorted(problems)), unbuildable, pictures)


def _reachable(plan: PlanTemplate, exercises: dict[str, Exercise]) -> set[str]:
    """The exercise ids a plan's pages can name: its own exercises and, through them, their alternatives."""
    todo = [item.exercise for session in plan.sessions.values() for item in session.exercises]
    seen: set[str] = set()
    while todo:
        ex_id = todo.pop()
        if ex_id in seen:
            continue
        seen.add(ex_id)
        if (ex := exercises.get(ex_id)) is not None:
            todo += [v.exercise for group in (ex.easier, ex.harder, ex.no_equipment) for v in group if v.exercise]
    return seen


# Where a file names an exercise, as paths into its YAML ("*" is any key or index).
_VARIANT_REFS = tuple((group, "*", "exercise") for group in ("easier", "harder", "no_equipment"))
_SESSION_REFS = (("sessions", "*", "exercises", "*", "exercise"),)


def _raw_refs(source: Source, paths, exercises, broken) -> list[Problem]:
    """Unknown exercise ids named in a file that did not pass the schema, found in its plain YAML."""
    out = []
    for pattern in paths:
        for path, value in _walk(source.data, pattern, ()):
            if isinstance(value, str) and value not in exercises and value not in broken:
                out.append(Problem(source.file, source.line_of(path), format_path(path), _unknown("exercise", value, exercises)))
    return out


def _walk(data: object, pattern: tuple, path: tuple):
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
        for key, value in items:
            yield from _walk(value, rest, path + (key,))
    elif isinstance(data, dict) and head in data:
        yield from _walk(data[head], rest, path + (head,))


_FAST = {"Exercise": read_exercise, "PlanTemplate": read_plan}


def _load_kind(folder: Path, kind: str, problems: list[Problem]):
    items: dict[str, object] = {}
    sources: dict[str, Source] = {}
    broken: dict[str, Source | None] = {}  # files that exist but have problems of their own (and their YAML, if it parsed)
    seen: dict[str, str] = {}
    for file in content_files(folder):
        shown = display_path(file)
        item_id = file.stem
        if not re.fullmatch(ID_PATTERN, item_id):
            problems.append(Problem(shown, 0, "", f"file names are ids in lower-case kebab-case (like 'glute-bridge.yaml'), found {file.name!r}"))
            continue
        if item_id in seen:
            problems.append(Problem(shown, 0, "", f"duplicate id {item_id!r}: {seen[item_id]} has it too"))
            continue
        seen[item_id] = shown
        broken[item_id] = None
        source, found = read_yaml(file, shown)
        problems += found
        if source is None:
            continue
        if not isinstance(source.data, dict):
            found_what = describe(source.data) if source.data is not None else "an empty file"
            problems.append(Problem(shown, source.line_of(()), "", f"expected a mapping of fields, found {found_what}"))
            continue
        broken[item_id] = source
        found = [] if _printable_as_written(source.text) else unprintable_fields(source)
        problems += found
        item: object | None = None if found else _FAST[kind](source.data)
        if item is None:
            item, said = _validate(kind, source)
            problems += said
        if item is not None:
            items[item_id] = item
            sources[item_id] = source
            del broken[item_id]
    return items, sources, broken


def _validate(kind: str, source: Source) -> tuple[object | None, list[Problem]]:
    """The schema's reading of a file the fast reader declined: the model, or what is wrong with it."""
    from pydantic import ValidationError

    from cardgen.content import schema
    from cardgen.content.messages import problems_from

    model = getattr(schema, kind)
    try:
        return schema.to_plain(model.model_validate(source.data)), []
    except ValidationError as exc:
        return None, problems_from(exc.errors(), source, model)


def _printable_as_written(text: str) -> bool:
    """Whether every value of a file is printable, decided on its text in one go: each string is
    written out in it, unless an escape (only double-quoted text has them) makes a character that
    is not. Nearly every file passes; the others are looked at value by value."""
    return "\\" not in text and not unprintable("".join(set(text)))  # each character once


def unprintable_fields(source: Source, data: object = None, path: tuple = ()) -> list[Problem]:
    """A problem for every string of a file that the font cannot print, where it was written."""
    data = source.data if not path else data
    if isinstance(data, str):
        missing = unprintable(data)
        return [Problem(source.file, source.line_of(path), format_path(path), glyph_message(missing))] if missing else []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    return [p for key, value in items for p in unprintable_fields(source, value, path + (key,))]


def _unknown(kind: str, ref: str, known) -> str:
    return f"unknown {kind} {ref!r}{suggest(ref, known)}"


def _check_exercise(ex_id: str, ex: Exercise, exercises, broken, source: Source, root: Path) -> list[Problem]:
    out = []
    if ex.dose.unit is not None and ex.dose.unit != ex.counted:
        out.append(Problem(source.file, source.line_of(("dose",)), "dose", f"this exercise is counted in {ex.counted}, but the dose is in {ex.dose.unit}"))
    for group in ("easier", "harder", "no_equipment"):
        for i, variant in enumerate(getattr(ex, group)):
            path = (group, i, "exercise")
            if variant.exercise is None:
                continue
            if variant.exercise in broken:
                continue  # its own file's problems are reported; "unknown" would mislead
            if variant.exercise not in exercises:
                out.append(Problem(source.file, source.line_of(path), f"{group}[{i}].exercise", _unknown("exercise", variant.exercise, exercises)))
            elif variant.exercise == ex_id:
                out.append(Problem(source.file, source.line_of(path), f"{group}[{i}].exercise", "an exercise cannot be its own variant"))
    if ex.image is not None and (trouble := _picture_problem(ex.image, root)):
        out.append(Problem(source.file, source.line_of(("image",)), "image", trouble))
    if ex.figure is not None:
        from cardgen.content.figure_checks import figure_problems

        for where, message in figure_problems(ex.figure):
            at = ("figure", *where)
            out.append(Problem(source.file, source.line_of(at), format_path(at), message))
    if len(ex.cues) < ex.key_cues:
        message = f"expected at most {len(ex.cues)} (the number of cues), found {ex.key_cues}"
        out.append(Problem(source.file, source.line_of(("key_cues",)), "key_cues", message))
    return out


def _figure_warnings(exercises: dict[str, Exercise], sources: dict[str, Source]) -> list[Problem]:
    """A figure that does not rest as written still prints; its author hears where it floats or sinks."""
    out = []
    for ex_id, ex in exercises.items():
        if ex.figure is not None:
            from cardgen.content.figure_checks import figure_warnings

            source = sources[ex_id]
            out += [Problem(source.file, source.line_of(("figure",)), "figure", message) for message in figure_warnings(ex.figure)]
    return out


def _check_plan(plan: PlanTemplate, exercises, broken, source: Source) -> list[Problem]:
    out: list[Problem] = []

    def bad(path: tuple, field: str, message: str) -> None:
        out.append(Problem(source.file, source.line_of(path), field, message))

    def weeks_in_plan(weeks, path, field):
        if weeks and max(weeks) > plan.weeks:
            bad(path, field, f"the plan has {plan.weeks} weeks, found week {max(weeks)}")

    if plan.race_week is not None:
        weeks_in_plan((plan.race_week,), ("race_week",), "race_week")
    for kind, spec in plan.progression.items():
        _check_spec(spec, kind, ("progression", kind), f"progression.{kind}", plan, bad, weeks_in_plan, f"the {kind} progression must be in {kind}")
    covered: dict[int, str] = {}
    for i, phase in enumerate(plan.phases):
        weeks_in_plan(phase.weeks, ("phases", i, "weeks"), f"phases[{i}].weeks")
        if phase.like_week is not None:
            weeks_in_plan((phase.like_week,), ("phases", i, "like_week"), f"phases[{i}].like_week")
        for w in phase.weeks:
            if w in covered:
                bad(("phases", i, "weeks"), f"phases[{i}].weeks", f"week {w} is already in phase {covered[w]!r}")
            covered[w] = phase.name
    taper_weeks = {w for p in plan.phases if p.kind == "taper" for w in p.weeks}
    for key, session in plan.sessions.items():
        # A repeated session is labelled A1, A2: those labels must not be another session's.
        labels = session.labels(key)
        if session.per_week > 1 and (clash := [o for o in plan.sessions if o != key and set(labels) & set(plan.sessions[o].labels(o))]):
            message = f"done {session.per_week} times a week, session {key} is labelled {' and '.join(labels)}, but {clash[0]!r} is another session"
            bad(("sessions", key, "per_week"), f"sessions.{key}.per_week", message)
    for key, session in plan.sessions.items():
        seen: set[str] = set()
        for i, item in enumerate(session.exercises):
            base = ("sessions", key, "exercises", i)
            field = f"sessions.{key}.exercises[{i}]"
            ex = exercises.get(item.exercise)
            if item.exercise in broken:
                continue
            if ex is None:
                bad(base + ("exercise",), field + ".exercise", _unknown("exercise", item.exercise, exercises))
                continue
            if item.exercise in seen:
                bad(base + ("exercise",), field + ".exercise", f"{item.exercise!r} is already in session {key}")
            seen.add(item.exercise)
            if item.weeks is not None:
                weeks_in_plan(item.weeks, base + ("weeks",), field + ".weeks")
                first = min(item.weeks)
                if first in taper_weeks:
                    bad(base + ("weeks",), field + ".weeks", f"taper weeks bring no new exercises, but {item.exercise!r} starts in week {first}")
            if item.dose is not None:
                _check_spec(item.dose, ex.counted, base + ("dose",), field + ".dose", plan, bad, weeks_in_plan, f"this exercise is counted in {ex.counted}")
    return out


def _check_spec(spec, counted, path, field, plan, bad, weeks_in_plan, rule: str) -> None:
    doses = []
    if spec.ramp is not None:
        weeks_in_plan(spec.ramp.over, path + ("over",), field + ".over")
        doses += [(path + ("from",), field + ".from", spec.ramp.from_), (path + ("to",), field + ".to", spec.ramp.to)]
    if spec.fixed is not None:
        doses.append((path, field, spec.fixed))
    for week, dose in spec.by_week.items():
        weeks_in_plan((week,), path + ("by_week", week), f"{field}.by_week[{week}]")
        doses.append((path + ("by_week", week), f"{field}.by_week[{week}]", dose))
    for p, f, dose in doses:
        if dose.unit is not None and dose.unit != counted:
            bad(p, f, f"{rule}, but the dose is in {dose.unit}")


def _picture_problem(name: str, root: Path) -> str | None:
    """Why the picture `name` (relative to the content folder `root`) cannot be printed, or None.
    A picture stays inside the content folder: the folder is what a coach shares or copies."""
    from cardgen.pictures import PictureProblem, check_picture

    if Path(name).is_absolute() or ".." in Path(name).parts:
        return f"name a picture from the content folder, like images/bridge.jpg; found {name!r}"
    image = root / name
    if not image.is_file():
        return f"image file not found: {display_path(image)}"
    if not image.resolve().is_relative_to(root.resolve()):
        return f"{display_path(image)} is a link to a file outside the content folder; copy the picture into the folder"
    try:
        check_picture(image, display_path(image))
    except PictureProblem as exc:
        return str(exc)
    return None
