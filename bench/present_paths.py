"""Two ways of putting a frame on a real window (an X server): the window's own surface, which the kiosk
uses (SDL copies it to the screen), and SDL's renderer, which uploads the frame as a texture (on a GPU,
the copy and any scaling or turn would be the GPU's). Prints JSON: ms per full frame, p50 and p99.

    DISPLAY=:87 SDL_VIDEODRIVER=x11 python -m bench.present_paths 1080 1920
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

import pygame
import pygame._sdl2.video as video

FRAMES = 120


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def measure(width: int, height: int) -> dict[str, dict[str, float] | str]:
    """Full-frame present times through the window surface and through the renderer."""
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")  # as the kiosk sets it under X11 (kiosk/app/loop.py)
    pygame.display.init()
    frame = pygame.Surface((width, height))
    results: dict[str, dict[str, float] | str] = {}
    window = pygame.Window("surface", (width, height))
    surface = window.get_surface()
    times = []
    for index in range(FRAMES):
        frame.fill((index % 255, 80, 120))
        started = time.perf_counter()
        surface.blit(frame, (0, 0))
        window.flip()
        times.append((time.perf_counter() - started) * 1000)
    results["window_surface"] = {"p50_ms": statistics.median(times), "p99_ms": _percentile(times, 0.99)}
    window.destroy()
    window = pygame.Window("renderer", (width, height))
    renderer = video.Renderer(window)
    texture = video.Texture(renderer, (width, height), streaming=True)
    times = []
    for index in range(FRAMES):
        frame.fill((index % 255, 80, 120))
        started = time.perf_counter()
        texture.update(frame)
        renderer.blit(texture)
        renderer.present()
        times.append((time.perf_counter() - started) * 1000)
    results["renderer"] = {"p50_ms": statistics.median(times), "p99_ms": _percentile(times, 0.99)}
    info = [driver for driver in video.get_drivers()]
    results["renderer_drivers"] = ", ".join(driver.name for driver in info)
    window.destroy()
    return results


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]), int(sys.argv[2]))))
