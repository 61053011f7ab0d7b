"""The one reader of environment variables (prefix ``ADDRNET_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The repository's own data folder (corpus material, eval points, the harness); see data/SOURCES.md.
REPO_DATA_DIR = Path(__file__).resolve().parents[1] / "data"
#: The arms shipped inside the package (in the repository a link to artifacts/arms; the wheel holds a copy).
PACKAGED_ARMS_DIR = Path(__file__).resolve().parent / "arms"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ADDRNET_", extra="ignore")

    data_dir: Path = Field(Path("var"), description="Writable state: the SQLite gazetteer, logs.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default: SQLite under data_dir.")
    arms_dir: Path = Field(PACKAGED_ARMS_DIR, description="Folder of arm artifact folders; default: the package's.")
    primary_arm: str = "A"
    shadow_arm: str | None = None
    results_dir: Path = Field(Path("results/release"), description="Eval sidecars served by /v1/eval.")
    source_data_dir: Path = Field(REPO_DATA_DIR, description="Read-only source data (data/ in the repository).")
    max_text_chars: int = 512
    max_batch: int = 1000
    max_body_bytes: int = 1_000_000
    onnx_intra_threads: int = 1
    onnx_inter_threads: int = 1
    onnx_batch_threads: int = Field(2, description="Intra-op threads for batches of >= 16 texts.")
    shadow_queue_size: int = 256
    resolve_limit_max: int = 20
    log_level: str = Field("INFO", description="Log level of the JSON logs (addrnet and uvicorn).")

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'gazetteer.sqlite').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
