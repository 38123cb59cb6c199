"""Kiosk-ready films: a pack's film whose decoder would keep far more pictures than it must (a camera's
film, with B-frames) is copied once, in a process of its own, as H.264 with one reference picture and no
B-frames at the largest size the kiosk shows it, and then plays from that copy: its pictures show, its sound
track is kept, and the pack stays as it was. The demo's own films are ready as they are."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.core.pack.ready_films import ready_size
from kiosk.core.pack.video_probe import VideoInfo, check_video
from kiosk.testing.pilot import Pilot
from tests.conftest import REPO
from tests.scenes.test_video_slides import MESSAGE, attract, pack_with_playlist, shown, start_film
from tests.videos import number_of

sys.path.insert(0, str(REPO / "content" / "tools"))
from film_kit import chord

KIOSK = [(1080, 1920), (3840, 2160)]  # the demo config's terminal and shop window


def test_the_demo_s_own_films_play_as_they_are() -> None:
    for film in sorted((REPO / "content" / "demo" / "videos").glob("*.*[4m]")):
        info = check_video(film)
        assert ready_size(info, KIOSK) is None, f"{film.name} ({info.decoder_pictures} pictures) would be copied"
    trail = check_video(REPO / "content" / "demo" / "videos" / "trail.mp4")
    assert trail.decoder_pictures == 2, "the attract film: one reference picture, no B-frames"


def test_a_film_is_copied_at_the_largest_size_shown_and_never_enlarged() -> None:
    camera = VideoInfo("h264", 1920, 1080, 10.0, 30.0, True, decoder_pictures=5)
    assert ready_size(camera, [(1080, 1920)]) == (1080, 608), "a terminal shows it 1080 px wide"
    assert ready_size(camera, KIOSK) == (1920, 1080), "the window shows it larger than it is: kept at its size"
    small = VideoInfo("h264", 640, 360, 10.0, 30.0, True, decoder_pictures=5)
    assert ready_size(small, KIOSK) is None, "0.6 MB to spare is not worth a re-encoding"
    unknown = VideoInfo("h264", 1920, 1080, 10.0, 30.0, True)  # probed by an older kiosk
    assert ready_size(unknown, [(1080, 1920)]) == (1080, 608)


@pytest.mark.slow
def test_a_camera_s_film_plays_from_its_kiosk_ready_copy_once_made(tmp_path: Path) -> None:
    from tests.videos import numbered_film

    config = pack_with_playlist(tmp_path, [{**MESSAGE, "seconds": 3},
                                           {"kind": "video", "file": "videos/camera.mp4", "seconds": 30}])
    film = numbered_film(tmp_path / "pack" / "videos" / "camera.mp4", 60, size=(1920, 1080),
                         sound=chord((220.0, 330.0), 2.0), options={"x264-params": "ref=1:bframes=3"})
    original = film.read_bytes()
    assert check_video(film).decoder_pictures == 5, "a camera's film: its decoder keeps 5 pictures"

    pilot = Pilot(load_config(config), "terminal")
    try:
        shop = pilot.app.shop
        assert shop.films.making, "the kiosk starts making the copy as soon as the pack is in use"
        assert shop.films.wait(300), "the copy is made"
        copy = Path(shop.film("videos/camera.mp4"))
        assert copy != film and copy.is_file()
        info = check_video(copy)
        assert (info.codec, info.width, info.height, info.decoder_pictures) == ("h264", 1920, 1080, 2)
        assert info.audio, "the sound track is kept"
        assert abs(info.seconds - 2.0) < 0.1
        assert film.read_bytes() == original, "the pack is left as it was"

        pilot.advance(3.5)  # the message, then the film, built now the copy is there
        start_film(pilot)
        view = attract(pilot).film
        assert view is not None and view.path == str(copy)
        for _ in range(20):
            pilot.advance(1 / 30)
        assert view.player is not None and view.player.current is not None
        number = round(view.player.current.at * 30)
        assert number_of(shown(pilot, tmp_path)) == number, "the copy's pictures show, each at its time"
        assert number_of(shown(pilot, tmp_path, screenshot=True)) == number
    finally:
        pilot.close()
