"""Build a tiny but real `.argosmodel`: a trained SentencePiece model and a CTranslate2
Transformer written from numpy weights.

The decoder ignores its input and spells one chosen phrase, so a test can assert the exact
output of the real argostranslate code path. Each decoder step sees only its position
encoding (token embeddings are zero and every sub-layer's output projection is zero, so the
residual stream is the position encoding alone). Position `i` is a one-hot vector in
dimension `i`, and the output projection maps dimension `i` to the `i`-th piece of the phrase
and the last dimension to `</s>`. Because the state is the position rather than the previous
token, the phrase may repeat pieces. The whole build takes well under a second.
"""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece as spm

D_MODEL = 128
FFN_DIM = 256
NUM_HEADS = 4
MAX_POSITIONS = 512
LOGIT_SCALE = 20.0

LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "tr": "Turkish", "fr": "French"}
PHRASE = "Levant Liberation Committee"  # what the default fixture model answers
OTHER_PHRASE = "Castle of the Village"

# Words the SentencePiece model is trained on: both sides of the fixture pair, so that the
# phrase to emit segments into pieces the model knows.
ARABIC_WORDS = ("هيئة", "تحرير", "الشام", "قلعة", "المضيق", "جسر", "الشغور", "كفر", "زيتا")
ENGLISH_WORDS = ("Levant", "Liberation", "Committee", "Castle", "Bridge", "Village", "of", "the")


def train_sentencepiece(workdir: Path, vocab_size: int = 128, extra: str = "") -> Path:
    """Train a small unigram SentencePiece model on generated lines; return its path.

    `extra` (the phrase to emit) is added to the corpus, so any phrase segments without
    unknown pieces.
    """
    rng = random.Random(6)
    # Made-up words from syllables give the trainer enough material for the vocabulary size.
    syllables = ("ka", "fr", "zi", "ta", "su", "ran", "tay", "bet", "im", "am", "tel", "ab")
    made_up = tuple("".join(rng.choices(syllables, k=3)) for _ in range(60))
    words = ARABIC_WORDS + ENGLISH_WORDS + made_up
    lines = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(600)]
    lines += [extra] * 20 if extra else []
    corpus = workdir / "corpus.txt"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    prefix = workdir / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        character_coverage=1.0,
        hard_vocab_limit=False,  # at most vocab_size pieces, fewer if the corpus is small
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def _layer_norm(spec: object, dim: int) -> None:
    spec.gamma = np.ones(dim, dtype=np.float32)  # type: ignore[attr-defined]
    spec.beta = np.zeros(dim, dtype=np.float32)  # type: ignore[attr-defined]


def _linear(spec: object, rows: int, cols: int) -> None:
    spec.weight = np.zeros((rows, cols), dtype=np.float32)  # type: ignore[attr-defined]
    spec.bias = np.zeros(rows, dtype=np.float32)  # type: ignore[attr-defined]


def _silent_attention(spec: object, self_attention: bool) -> None:
    """Fill an attention block whose output projection is zero (it adds nothing)."""
    _layer_norm(spec.layer_norm, D_MODEL)  # type: ignore[attr-defined]
    shapes = [3 * D_MODEL] if self_attention else [D_MODEL, 2 * D_MODEL]
    for linear, rows in zip(spec.linear, [*shapes, D_MODEL], strict=True):  # type: ignore[attr-defined]
        _linear(linear, rows, D_MODEL)


def _silent_ffn(spec: object) -> None:
    _layer_norm(spec.layer_norm, D_MODEL)  # type: ignore[attr-defined]
    _linear(spec.linear_0, FFN_DIM, D_MODEL)  # type: ignore[attr-defined]
    _linear(spec.linear_1, D_MODEL, FFN_DIM)  # type: ignore[attr-defined]


def write_ctranslate2_model(out_dir: Path, vocab: list[str], phrase_ids: list[int]) -> None:
    """Write a 1-layer Transformer whose decoder emits `phrase_ids`, then `</s>`."""
    if len(vocab) > D_MODEL or len(phrase_ids) >= D_MODEL - 1:
        raise ValueError("vocabulary or phrase too large for the one-hot construction")
    spec = ctranslate2.specs.TransformerSpec.from_config(num_layers=1, num_heads=NUM_HEADS)
    encoder, decoder = spec.encoder, spec.decoder
    for stack in (encoder, decoder):
        stack.scale_embeddings = False
        _layer_norm(stack.layer_norm, D_MODEL)
        for layer in stack.layer:
            _silent_attention(layer.self_attention, self_attention=True)
            _silent_ffn(layer.ffn)
    for layer in decoder.layer:
        _silent_attention(layer.attention, self_attention=False)

    encoder.embeddings[0].weight = np.eye(len(vocab), D_MODEL, dtype=np.float32)
    encoder.position_encodings.encodings = np.zeros((MAX_POSITIONS, D_MODEL), np.float32)
    decoder.embeddings.weight = np.zeros((len(vocab), D_MODEL), dtype=np.float32)

    # Position i is one-hot in dimension i; every later position shares the last dimension.
    end_dim = D_MODEL - 1
    positions = np.zeros((MAX_POSITIONS, D_MODEL), dtype=np.float32)
    for step in range(MAX_POSITIONS):
        positions[step, step if step < len(phrase_ids) else end_dim] = 1.0
    decoder.position_encodings.encodings = positions

    projection = np.zeros((len(vocab), D_MODEL), dtype=np.float32)
    for step, token_id in enumerate(phrase_ids):
        projection[token_id, step] = LOGIT_SCALE
    projection[vocab.index("</s>"), end_dim] = LOGIT_SCALE
    decoder.projection.weight = projection
    decoder.projection.bias = np.zeros(len(vocab), dtype=np.float32)

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    out_dir.mkdir(parents=True)
    spec.save(str(out_dir))


def build_argosmodel(
    out_path: Path,
    workdir: Path,
    phrase: str = PHRASE,
    from_code: str = "ar",
    to_code: str = "en",
) -> Path:
    """Build `out_path` (.argosmodel) translating `from_code`→`to_code` into `phrase`."""
    sp_path = train_sentencepiece(workdir, extra=phrase)
    processor = spm.SentencePieceProcessor(model_file=str(sp_path))
    vocab = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    phrase_ids = processor.encode(phrase, out_type=int)
    if processor.unk_id() in phrase_ids:
        raise ValueError(f"phrase {phrase!r} has characters the SentencePiece model lacks")

    name = f"translate-{from_code}_{to_code}-0_1"
    package_dir = workdir / name
    package_dir.mkdir()
    write_ctranslate2_model(package_dir / "model", vocab, phrase_ids)
    (package_dir / "sentencepiece.model").write_bytes(sp_path.read_bytes())
    metadata = {
        "package_version": "0.1",
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
    }
    (package_dir / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (package_dir / "README.md").write_text("Test fixture: emits one fixed phrase.\n")

    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package_dir.rglob("*")):
            archive.write(path, path.relative_to(workdir))
    return out_path
