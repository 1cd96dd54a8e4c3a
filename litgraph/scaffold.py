"""The files of a new project (`litgraph init`): staged in a temporary folder, then renamed into place.

`project_files(title)` is pure: it returns every file of the new project as
{relative path: text}. `write_project(folder, files)` writes them atomically:
a half-written project never appears, and an existing one is never touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from string import Template

from .errors import InputError
from .project import CONFIG_NAME

TEMPLATES = Path(__file__).resolve().parent / "templates"
PREFIXES = """@prefix lg:      <https://w3id.org/litgraph/ontology#> .
@prefix lgc:     <https://w3id.org/litgraph/concept/> .
@prefix $scheme: <https://w3id.org/litgraph/concept/$scheme/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
"""
SCHEME = """# $title (scheme lgc:$scheme, class lg:$cls). $purpose
# Each concept is a skos:Concept and an lg:$cls in scheme lgc:$scheme, at $scheme:<kebab-slug>,
# with one English skos:prefLabel, its synonyms as skos:altLabel (what a coder or a reviewer
# may type), and a one-sentence skos:definition.$extra
# `litgraph vocab check` checks this file; `litgraph vocab $scheme` shows the scheme.

$prefixes

lgc:$scheme a skos:ConceptScheme ;
    skos:prefLabel "$title"@en ;
    skos:definition "$definition"@en .

# An example; remove the leading "# " to use it, or write your own like it.
$example
"""
# scheme -> (file, lg class, title, definition, extra note, example concept)
STARTERS = {
    "outcome": ("outcomes", "Outcome", "Outcomes", "What the interventions under review may change.",
                "\n# Arrange outcomes with skos:broader (and skos:narrower on the parent), so a filter\n"
                "# on a broad outcome takes in the narrower ones.",
                'outcome:clinical-outcomes a skos:Concept , lg:Outcome ;\n    skos:inScheme lgc:outcome ;\n'
                '    skos:topConceptOf lgc:outcome ;\n    skos:prefLabel "clinical outcomes"@en ;\n'
                '    skos:definition "Measures of the condition the intervention addresses."@en .\n'
                'lgc:outcome skos:hasTopConcept outcome:clinical-outcomes .'),
    "role": ("roles", "Role", "Roles", "The people a finding is about: those who deliver, receive or manage the intervention.",
             "", 'role:service-user a skos:Concept , lg:Role ;\n    skos:inScheme lgc:role ;\n'
             '    skos:topConceptOf lgc:role ;\n    skos:prefLabel "service user"@en ;\n'
             '    skos:altLabel "patient"@en ;\n    skos:definition "A person who receives the service."@en .'),
    "domain": ("domains", "OrganisationalDomain", "Organisational domains",
               "Areas of organisational conditions that bear on putting the intervention into practice.",
               "\n# Factors (factors.ttl) name their domain with lg:inDomain.",
               'domain:organisational-support a skos:Concept , lg:OrganisationalDomain ;\n'
               '    skos:inScheme lgc:domain ;\n    skos:topConceptOf lgc:domain ;\n'
               '    skos:prefLabel "organisational support"@en ;\n'
               '    skos:definition "The support the organisation gives the people in the new role."@en .'),
    "factor": ("factors", "Factor", "Factors",
               "Organisational conditions that can help or hinder the intervention; the finding says which.",
               "\n# Each factor names its domain with lg:inDomain.",
               'factor:supervision a skos:Concept , lg:Factor ;\n    skos:inScheme lgc:factor ;\n'
               '    skos:topConceptOf lgc:factor ;\n    skos:prefLabel "supervision"@en ;\n'
               '    lg:inDomain <https://w3id.org/litgraph/concept/domain/organisational-support> ;\n'
               '    skos:definition "Regular supervision of the people in the new role."@en .'),
    "setting": ("settings", "Setting", "Settings", "The kinds of service in which the intervention is delivered.",
                "", 'setting:primary-care a skos:Concept , lg:Setting ;\n    skos:inScheme lgc:setting ;\n'
                '    skos:topConceptOf lgc:setting ;\n    skos:prefLabel "primary care"@en ;\n'
                '    skos:definition "Services of first contact in the community."@en .'),
    "mechanism": ("mechanisms", "ChangeMechanism", "Change mechanisms",
                  "Processes through which the intervention brings about change.", "",
                  'mechanism:trusting-relationships a skos:Concept , lg:ChangeMechanism ;\n'
                  '    skos:inScheme lgc:mechanism ;\n    skos:topConceptOf lgc:mechanism ;\n'
                  '    skos:prefLabel "trusting relationships"@en ;\n'
                  '    skos:definition "Change that comes from a relationship of trust."@en .'),
}


def starter_scheme(scheme: str) -> str:
    """The Turtle of one starter scheme: the scheme declared, one concept as a commented example."""
    _, cls, title, definition, extra, example = STARTERS[scheme]
    commented = "\n".join("# " + line for line in example.splitlines())
    return Template(SCHEME).substitute(
        scheme=scheme, cls=cls, title=title, purpose=definition, definition=definition, extra=extra,
        prefixes=Template(PREFIXES).substitute(scheme=scheme).rstrip("\n"), example=commented)


def project_files(title: str) -> dict[str, str]:
    """Every file of a new project titled `title`, as {path relative to the project: text}."""
    from .resources import CORE_DESIGNS, data_dir

    files = {CONFIG_NAME: Template(read_template(CONFIG_NAME)).substitute(title=toml_string(title)),
             ".gitignore": read_template("gitignore")}
    for readme in ("corpus/README.md", "corpus/papers/README.md", "corpus/references/README.md",
                   "corpus/findings/README.md"):
        files[readme] = read_template(readme)
    files["vocabulary/designs.ttl"] = (data_dir("ontology") / CORE_DESIGNS).read_text(encoding="utf-8")
    files |= {f"vocabulary/{spec[0]}.ttl": starter_scheme(scheme) for scheme, spec in STARTERS.items()}
    return files


def read_template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def toml_string(text: str) -> str:
    """`text` as the inside of a TOML basic string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def write_project(folder: Path, files: dict[str, str]) -> None:
    """Write `files` into `folder` (new, empty, or holding none of them) through a staging folder.

    Raises:
        InputError: `folder` is already a project, or already holds one of the files.
    """
    check_free(folder, files)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{folder.name}.init-", dir=folder.parent))
    try:
        for relative, text in files.items():
            (staged / relative).parent.mkdir(parents=True, exist_ok=True)
            (staged / relative).write_text(text, encoding="utf-8")
        move_into_place(staged, folder)
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def check_free(folder: Path, files: dict[str, str]) -> None:
    if (folder / CONFIG_NAME).exists():
        raise InputError(f"{folder / CONFIG_NAME}: already a litgraph project; init writes over nothing")
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: exists and is not a folder")
    taken = sorted({Path(p).parts[0] for p in files} & {p.name for p in folder.iterdir()}) if folder.is_dir() else []
    if taken:
        raise InputError(f"{folder}: already holds {', '.join(taken)}; init writes over nothing")


def move_into_place(staged: Path, folder: Path) -> None:
    """A new or empty folder becomes the staged one in one rename; otherwise each entry is renamed in, litgraph.toml last."""
    if not folder.exists() or not any(folder.iterdir()):
        if folder.exists():
            folder.rmdir()
        os.replace(staged, folder)
        return
    for entry in sorted(staged.iterdir(), key=lambda p: p.name == CONFIG_NAME):
        os.replace(entry, folder / entry.name)
