"""Training configuration: frozen dataclasses loaded from TOML plus ``--key=value`` overrides.

A TOML file has the sections ``[model]``, ``[train]`` and ``[pretrain]`` (all optional; missing keys
keep the defaults below). Overrides use ``section.key=value`` (``train.lr=3e-4``) or a bare key,
which resolves to ``train`` first, then to the one other section that has it. Values are parsed as
TOML scalars (``3e-4``, ``true``, ``"cosine"``; unquoted strings are accepted too).

The full config (with ``model.vocab_size`` filled in from the tokenizer) is stored in every
checkpoint, so a checkpoint can be rebuilt without the TOML file.

``precision`` and ``seed`` live in ``[train]`` and are shared by MLM pre-training. The tagger has a
CRF layer exactly when ``train.crf_loss_weight > 0``.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ModelConfig:
    vocab_size: int = 0  # 0 = take it from the tokenizer
    n_layers: int = 2
    d_model: int = 128
    n_heads: int = 4
    d_ff: int = 512
    max_len: int = 48
    dropout: float = 0.1
    tie_mlm_head: bool = True


@dataclass(frozen=True)
class TrainConfig:
    lr: float = 1.5e-4
    schedule: str = "constant"  # constant | cosine (both after linear warmup)
    warmup_steps: int = 1000
    min_lr_ratio: float = 0.1  # cosine floor as a fraction of lr
    steps: int = 8000
    batch_size: int = 128
    label_smoothing: float = 0.1
    crf_loss_weight: float = 0.0  # 0.0 = no CRF
    distill_weight: float = 0.0  # > 0 with a teacher (train_tagger(teacher=...)): weight of the KL term
    distill_temperature: float = 2.0
    precision: str = "fp32"  # fp32 | bf16
    seed: int = 42
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    eval_every: int = 1000
    eval_max_examples: int = 2000
    ckpt_every: int = 1000
    keep_checkpoints: int = 2
    log_every: int = 50
    num_threads: int = 0  # torch intra-op threads on CPU; 0 = torch default


@dataclass(frozen=True)
class PretrainConfig:
    steps: int = 4000
    lr: float = 5e-4
    schedule: str = "constant"
    warmup_steps: int = 500
    min_lr_ratio: float = 0.1
    batch_size: int = 128
    mask_prob: float = 0.15
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    ckpt_every: int = 1000
    keep_checkpoints: int = 2
    log_every: int = 50


@dataclass(frozen=True)
class Config:
    name: str = "default"
    model: ModelConfig = field(default_factory=ModelConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    pretrain: PretrainConfig = field(default_factory=PretrainConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def replace(self, section: str, **kw: Any) -> Config:
        return dataclasses.replace(self, **{section: dataclasses.replace(getattr(self, section), **kw)})


SECTIONS = ("model", "train", "pretrain")
_SECTION_TYPES = {"model": ModelConfig, "train": TrainConfig, "pretrain": PretrainConfig}


class ConfigError(ValueError):
    pass


def _coerce(cls: type, key: str, value: Any) -> Any:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    if key not in fields:
        raise ConfigError(f"unknown key {cls.__name__}.{key}")
    default = fields[key].default
    if isinstance(default, bool):
        if isinstance(value, str):
            if value.lower() not in ("true", "false", "1", "0"):
                raise ConfigError(f"{key}: expected a boolean, got {value!r}")
            return value.lower() in ("true", "1")
        return bool(value)
    if isinstance(default, int):
        if isinstance(value, float) and not value.is_integer():
            raise ConfigError(f"{key}: expected an integer, got {value!r}")
        return int(value)
    if isinstance(default, float):
        return float(value)
    return str(value)


def from_dict(data: dict[str, Any]) -> Config:
    unknown = set(data) - set(SECTIONS) - {"name"}
    if unknown:
        raise ConfigError(f"unknown config sections: {sorted(unknown)}")
    parts: dict[str, Any] = {}
    for section, cls in _SECTION_TYPES.items():
        values = data.get(section, {}) or {}
        parts[section] = cls(**{k: _coerce(cls, k, v) for k, v in values.items()})
    return Config(name=str(data.get("name", "default")), **parts)


def _parse_value(raw: str) -> Any:
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def apply_overrides(cfg: Config, overrides: list[str]) -> Config:
    for item in overrides:
        item = item.removeprefix("--")
        if "=" not in item:
            raise ConfigError(f"override {item!r} is not key=value")
        key, raw = item.split("=", 1)
        if key == "name":
            cfg = dataclasses.replace(cfg, name=raw)
            continue
        if "." in key:
            section, key = key.split(".", 1)
            if section not in SECTIONS:
                raise ConfigError(f"unknown section {section!r} in {item!r}")
        else:
            owners = [s for s in SECTIONS if key in {f.name for f in dataclasses.fields(_SECTION_TYPES[s])}]
            if not owners:
                raise ConfigError(f"unknown config key {key!r}")
            section = "train" if "train" in owners else owners[0]
            if section != "train" and len(owners) > 1:
                raise ConfigError(f"ambiguous key {key!r}: use one of {[f'{s}.{key}' for s in owners]}")
        value = _coerce(_SECTION_TYPES[section], key, _parse_value(raw))
        cfg = cfg.replace(section, **{key: value})
    validate(cfg)
    return cfg


def validate(cfg: Config) -> None:
    m, t, p = cfg.model, cfg.train, cfg.pretrain
    if m.d_model % m.n_heads:
        raise ConfigError("model.d_model must be divisible by model.n_heads")
    for s in (t.schedule, p.schedule):
        if s not in ("constant", "cosine"):
            raise ConfigError(f"schedule must be constant|cosine, got {s!r}")
    if t.precision not in ("fp32", "bf16"):
        raise ConfigError(f"precision must be fp32|bf16, got {t.precision!r}")
    if not 0.0 < p.mask_prob < 1.0:
        raise ConfigError("pretrain.mask_prob must be in (0, 1)")
    if t.crf_loss_weight < 0:
        raise ConfigError("train.crf_loss_weight must be >= 0")


def load_config(path: str | Path, overrides: list[str] | None = None) -> Config:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    data.setdefault("name", Path(path).stem)
    cfg = from_dict(data)
    validate(cfg)
    return apply_overrides(cfg, overrides or [])
