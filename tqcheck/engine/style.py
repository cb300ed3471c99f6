"""House-style presets (config key ``style``): ``rules/data/style/presets.yml`` names, for each
stylebook, option choices of the ST rules and opt-in rules to run. A preset sits under the
config: the config's own ``[rules.CODE]`` keys and ``select`` win or add to it."""
from __future__ import annotations

from dataclasses import replace

from tqcheck.engine.config import Config, ConfigError

PRESETS_FILE = "style/presets.yml"


def presets() -> dict:
    from tqcheck.packs.data import read

    return read(PRESETS_FILE)


def with_preset(config: Config) -> Config:
    """*config* with the preset it names applied; an unknown name is a ConfigError."""
    table = presets()
    preset = table.get(config.style) if isinstance(config.style, str) else None
    if preset is None:
        where = config.path or "config"
        raise ConfigError(f"{where}: unknown style {config.style!r} (presets: {', '.join(sorted(table))})")
    options = {code: dict(opts) for code, opts in preset.get("rules", {}).items()}
    for code, opts in config.rule_options.items():
        options[code] = {**options.get(code, {}), **opts}
    added = tuple(preset.get("select", ()))
    select = (*config.select, *added) if config.select else ("default", *added) if added else ()
    return replace(config, rule_options=options, select=select)
