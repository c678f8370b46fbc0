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
