"""What a command imports before it does its work: `cardgen --help` (and every command's option
parsing) must not pay for the pipeline, the content models, YAML, ReportLab or Pillow."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("reportlab", "PIL", "yaml", "pydantic", "pyphen", "cardgen.pipeline", "cardgen.content", "cardgen.render", "cardgen.plan")


def test_help_imports_nothing_heavy():
    code = (
        "import sys\n"
        "from cardgen.cli import main\n"
        "try:\n"
        "    main(['--help'], prog_name='cardgen')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(' '.join(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage: cardgen" in done.stdout
    assert done.stderr.strip() == ""


# What a build of valid content never needs: suggestions for misspellings (difflib), batch's folder
# names (secrets), the schema that explains bad content (pydantic), hyphenation of words that fit
# (pyphen), a coach.yaml, QR codes for video links.
NOT_IN_A_BUILD = ("difflib", "secrets", "pydantic", "pyphen", "cardgen.coach", "reportlab.graphics")


def test_a_build_imports_nothing_it_does_not_use(tmp_path):
    code = (
        "import sys\n"
        "from cardgen.cli import main\n"
        "try:\n"
        f"    main(['build', '--plan', '8-week-half', '--out', {str(tmp_path)!r}], prog_name='cardgen')\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        f"print(' '.join(sorted(m for m in sys.modules if m.startswith({NOT_IN_A_BUILD!r}))), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.splitlines()[-1:] in ([], [""])
