"""A pack's videos and captions checked at import and by --check: codec, size and length against the
limits, files cut short or damaged, captions read from WebVTT (and refused with their line)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import av
import pytest

from kiosk.core.pack.captions import CaptionsProblem, Cue, caption_at, captions_for, parse_webvtt
from kiosk.core.pack.content import read_pack
from kiosk.core.pack.reader import PackRejected
from kiosk.core.pack.video_probe import VideoProblem, check_video
from tests.conftest import REPO, write_config
from tests.videos import numbered_film

DEMO_VIDEOS = REPO / "content" / "demo" / "videos"


@pytest.mark.parametrize(("name", "said"), [("trail.mp4", "H.264 1280x720, 6.0 s, 30 fps"),
                                            ("BIK-102.webm", "VP9 720x720, 4.0 s, 30 fps"),
                                            ("RUN-115.webm", "VP9 720x720, 4.0 s, 30 fps")])
def test_the_demo_films_are_within_the_limits(name: str, said: str) -> None:
    assert check_video(DEMO_VIDEOS / name).describe() == said
    assert (DEMO_VIDEOS / name).stat().st_size < 1 << 20, "the demo's films stay small"


def other_codec(path: Path) -> Path:
    """A film in MPEG-4 part 2 (FFmpeg plays it; the kiosk's limits do not allow it)."""
    with av.open(str(path), "w") as container:
        stream = container.add_stream("mpeg4", rate=30)
        stream.width, stream.height, stream.pix_fmt = 160, 90, "yuv420p"
        for number in range(10):
            frame = av.VideoFrame(160, 90, "yuv420p")
            for plane in frame.planes:
                plane.update(bytes([number * 20]) * plane.buffer_size)
            frame.pts = number
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


@pytest.mark.parametrize(("make", "said"), [
    (lambda p: numbered_film(p / "f.mp4", 30).write_bytes(numbered_film(p / "f.mp4", 30).read_bytes()[:3000]),
     "cannot be read as a video"),
    (lambda p: (p / "f.webm").write_bytes(numbered_film(p / "w.webm", 90, codec="vp9").read_bytes()[:4000]),
     "is cut short"),
    (lambda p: other_codec(p / "f.mp4"), "is coded in mpeg4; the kiosk plays H.264 and VP9"),
    (lambda p: numbered_film(p / "f.mp4", 2, size=(4096, 64)), "is 4096x64; at most 3840x2160"),
    (lambda p: numbered_film(p / "f.mkv", 2), "is not an MP4 or WebM file"),
    (lambda p: (p / "f.mp4").write_bytes(b"\0" * 5000), "cannot be read as a video"),
    (lambda p: os.truncate(numbered_film(p / "f.mp4", 2), 201 << 20), "is 201 MB; at most 200 MB"),  # sparse
])
def test_a_film_the_kiosk_will_not_play_is_a_problem_that_says_why(tmp_path: Path, make: object, said: str) -> None:
    make(tmp_path)  # type: ignore[operator]
    film = next(p for p in tmp_path.iterdir() if p.name.startswith("f."))
    with pytest.raises(VideoProblem, match=said.replace("(", r"\(")):
        check_video(film)


def test_a_film_longer_than_ten_minutes_is_refused(tmp_path: Path) -> None:
    film = numbered_film(tmp_path / "long.mp4", 2)
    probed = check_video(film)  # what an import probed (a ten-minute film is too long to encode here)
    assert check_video(film, replace(probed, seconds=600.0)).seconds == 600.0
    with pytest.raises(VideoProblem, match="lasts 601 s; at most 600 s"):
        check_video(film, replace(probed, seconds=601.0))


def pack_with(tmp_path: Path, slides: list[dict[str, object]]) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    (pack / "playlist.json").write_text(json.dumps(slides), encoding="utf-8")
    return pack


def test_the_import_refuses_a_damaged_film_or_captions_naming_the_file_and_key(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, [{"kind": "video", "file": "videos/cut.mp4"},
                                {"kind": "video", "file": "../outside.mp4"},
                                {"kind": "video"},
                                {"kind": "video", "file": "videos/RUN-115.webm", "poster": "images/none.png"},
                                {"kind": "video", "file": "videos/trail.mp4"}])
    (pack / "videos" / "cut.mp4").write_bytes((pack / "videos" / "trail.mp4").read_bytes()[:20000])
    (pack / "videos" / "trail.de.vtt").write_text("WEBVTT\n\n00:01.000 --> 00:00.500\nzurück\n", encoding="utf-8")
    with pytest.raises(PackRejected) as refused:
        read_pack(pack)
    said = {(p.file.name, p.key): p.message for p in refused.value.problems}
    assert "videos/cut.mp4 cannot be read as a video" in said["playlist.json", "[1].file"]
    assert "lies outside the pack's folder" in said["playlist.json", "[2].file"]
    assert "names its film" in said["playlist.json", "[3].file"]
    assert "file not found" in said["playlist.json", "[4].poster"]
    captions = next(p for p in refused.value.problems if p.file.name == "trail.de.vtt")
    assert (captions.line, captions.message) == (3, "a cue ends after it starts")


def test_a_slide_s_loop_is_true_or_false(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, [{"kind": "video", "file": "videos/trail.mp4", "loop": "yes"}])
    with pytest.raises(PackRejected) as refused:
        read_pack(pack)
    assert [(p.key, p.message) for p in refused.value.problems] == [
        ("[1].loop", "does not match docs/pack/playlist.schema.json: playlist.json[0].loop must be boolean")]


def test_check_prints_each_problem_of_a_pack_s_films(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, [{"kind": "video", "file": "videos/other.mp4", "loop": True}])
    other_codec(pack / "videos" / "other.mp4")
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"'))
    checked = subprocess.run([sys.executable, "run_kiosk.py", "--check", "--config", str(config)], cwd=REPO,
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 1
    assert "playlist.json: [[1].file] videos/other.mp4 is coded in mpeg4" in checked.stdout
    lines = checked.stdout.splitlines()
    assert f"{pack / 'videos' / 'other.mp4'}: refused: is coded in mpeg4; the kiosk plays H.264 and VP9" in lines
    assert f"{pack / 'videos' / 'BIK-102.webm'}: WebM, VP9 720x720, 4.0 s, 30 fps, with sound: OK" in lines, \
        "the good films are listed too"
    assert lines[-1].endswith("1 problem(s)")


def test_check_lists_every_film_of_a_good_pack_with_what_it_is() -> None:
    checked = subprocess.run([sys.executable, "run_kiosk.py", "--check"], cwd=REPO, capture_output=True, text=True,
                             timeout=120)
    assert checked.returncode == 0, checked.stdout
    films = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in checked.stdout.splitlines()
             if line.endswith(": OK")}
    demo = REPO / "content" / "demo"
    assert films[str(demo / "videos" / "trail.mp4")] == "MP4, H.264 1280x720, 6.0 s, 30 fps, with sound: OK"
    assert films[str(demo / "videos" / "RUN-115.webm")] == "WebM, VP9 720x720, 4.0 s, 30 fps, with sound: OK"
    assert films[str(demo / "customers" / "t-run112-lea.mp4")] == "MP4, H.264 640x360, 4.0 s, 25 fps, silent: OK"
    named = {str(demo / item["file"]) for item in json.loads((demo / "videos.json").read_text(encoding="utf-8"))}
    assert named <= set(films), "each product film once"
    assert checked.stdout.splitlines()[-1].endswith(": OK")


def test_the_demo_pack_plays_its_film_with_captions_in_every_language() -> None:
    pack = read_pack(REPO / "content" / "demo")
    films = [slide for slide in pack.playlist if slide.kind == "video"]
    assert films and all((REPO / "content" / "demo" / slide.file).is_file() for slide in films)
    for language in pack.languages:
        assert captions_for(DEMO_VIDEOS / "trail.mp4", language) == DEMO_VIDEOS / f"trail.{language}.vtt"


def test_captions_are_read_from_webvtt() -> None:
    cues = parse_webvtt("\ufeffWEBVTT - the trail\r\n\r\nNOTE made by hand\r\n\r\nintro\r\n"
                        "00:00.500 --> 00:02.000 align:start\r\n<v Anna>Bonjour</v> &amp; <i>bienvenue</i>\r\n\r\n"
                        "01:00:01.000 --> 01:00:03.250\r\ndeux\r\nlignes\r\n\r\n"
                        "00:01.500 --> 00:03.000\r\nen même temps\r\n")
    assert cues == [Cue(0.5, 2.0, "Bonjour & bienvenue"), Cue(1.5, 3.0, "en même temps"),
                    Cue(3601.0, 3603.25, "deux\nlignes")]
    assert caption_at(cues, 0.4) == ""
    assert caption_at(cues, 1.0) == "Bonjour & bienvenue"
    assert caption_at(cues, 1.7) == "Bonjour & bienvenue\nen même temps"
    assert caption_at(cues, 2.5) == "en même temps"
    assert caption_at(cues, 3602) == "deux\nlignes"


@pytest.mark.parametrize(("text", "line", "why"), [
    ("WEBVT\n", 1, "starts with WEBVTT"),
    ("WEBVTT\n\n00:01.000 -> 00:02.000\nno arrow\n", 3, "timing line"),
    ("WEBVTT\n\nid\n00:01.0 --> 00:02.000\nshort\n", 4, "'00:01.0' is not a time"),
    ("WEBVTT\n\n00:01.000 --> 00:61.000\nminute\n", 3, "'00:61.000' is not a time"),
])
def test_captions_that_are_not_webvtt_say_the_line(text: str, line: int, why: str) -> None:
    with pytest.raises(CaptionsProblem, match=why) as problem:
        parse_webvtt(text)
    assert problem.value.line == line
