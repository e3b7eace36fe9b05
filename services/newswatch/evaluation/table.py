"""The report as the plain-text table ``newswatch evaluate`` prints."""

from __future__ import annotations

from collections import Counter

from newswatch.evaluation.report import Accuracy, Counts, Report

_MAIN_TYPES = ("state_visit", "phone_call", "sanctions")


def _fmt(rate: float | None) -> str:
    return "  n/a" if rate is None else f"{rate:5.3f}"


def _accuracy_cell(accuracy: Accuracy) -> str:
    return f"{_fmt(accuracy.rate)} ({accuracy.correct}/{accuracy.total})"


def _prf(c: Counts) -> str:
    return f"{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:5d}{c.fp:5d}{c.fn:5d}"


def format_table(report: Report) -> str:
    overall = report.overall
    languages = ", ".join(f"{lang} {s.passages}" for lang, s in report.by_language.items())
    out = [f"Evaluation of {report.gold_path}: {overall.passages} passages ({languages})", ""]
    out.append(f"{'':<14}{'key attribute required':^36}  {'detection only':^36}")
    header = f"{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"
    out.append(f"{'event type':<14}{header}  {header}")
    types = sorted(set(overall.strict_by_type) | set(overall.detected_by_type))
    for name in types:
        strict, detected = overall.strict_by_type[name], overall.detected_by_type[name]
        out.append(f"{name:<14}{_prf(strict)}  {_prf(detected)}")
    out.append(f"{'micro (all)':<14}{_prf(overall.strict)}  {_prf(overall.detected)}")

    out += ["", "attribute confusion over detected pairs (gold -> alerted)"]
    for (etype, gold, got), count in sorted(overall.confusion.items()):
        mark = "" if gold == got else "  <-"
        out.append(f"  {etype:<13}{gold:>12} -> {got:<12}{count:5d}{mark}")
    e = overall.entities
    out += [
        "",
        f"key attribute (detected)    {_accuracy_cell(overall.attributes)}",
        f"roles (detected pairs)      {_accuracy_cell(overall.roles)}",
    ]
    if overall.entity_passages:
        out.append(
            f"entity linking              P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}"
            f"  over {report.entity_scope} with entity labels ({overall.entity_passages})"
        )
    out += [
        f"hard negatives              {overall.hard_negative_alerts} alert(s) on"
        f" {overall.hard_negatives} passages"
        + (f": {', '.join(report.hard_negative_hits[:20])}" if report.hard_negative_hits else ""),
        f"background alerted as news  {overall.background_alerts}",
        f"contradictory alert pairs   {overall.contradictions}",
        "",
        "per language, F1 with the key attribute required"
        " (detection-only micro F1 in the last column)",
        f"{'language':<10}{'passages':>9}"
        + "".join(f"{t[:11]:>12}" for t in _MAIN_TYPES)
        + f"{'micro':>8}{'neg':>5}{'detect':>8}",
    ]
    for lang, s in report.by_language.items():
        cells = "".join(
            f"{s.strict_by_type[t].f1:12.3f}" if t in s.strict_by_type else f"{'-':>12}"
            for t in _MAIN_TYPES
        )
        out.append(
            f"{lang:<10}{s.passages:9d}{cells}{s.strict.f1:8.3f}{s.hard_negative_alerts:5d}"
            f"{s.detected.f1:8.3f}"
        )
    kinds = Counter(f.kind for f in report.failures)
    out += [
        "",
        "disagreements: " + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"),
    ]
    return "\n".join(out)
