"""The pure core: content, engine, assessments and report data (never imports Qt).

Offline and private: pydantic plugins (observability tools that hook every validation, some of
which send what they see elsewhere) are switched off for this process before any model is
defined, so no installed plugin ever sees the packs or a company's answers.
"""

import os

os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
