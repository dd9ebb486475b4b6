"""Make the demo course's short video (src/chinjeol/training/demo_assets/greeting.webm) once, by hand.

Not part of the build: the file it writes is shipped. Needs PyAV, numpy and Pillow in a throw-away virtualenv
(`python -m venv /tmp/v && /tmp/v/bin/pip install av numpy pillow`) and a Korean TrueType font (Debian's
fonts-nanum). Slides with the four points of the greeting lesson, 4 seconds each, 320×180, VP9 in WebM."""

from __future__ import annotations

import sys
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"
OUT = Path(__file__).resolve().parents[1] / "src/chinjeol/training/demo_assets/greeting.webm"
SLIDES = [
    ("명품 고객응대 1단계", "첫인사와 소속·이름", (28, 78, 140)),
    ("1. 먼저 일어나 맞이하기", "눈을 맞추고 밝게 인사합니다", (36, 110, 90)),
    ("2. 소속과 이름 밝히기", "“민원여권과 김친절입니다”", (120, 70, 40)),
    ("3. 끝까지 듣고 되묻기", "요점을 다시 말해 확인합니다", (90, 50, 120)),
]
W, H, FPS, SECONDS = 320, 180, 10, 4


def frame(title: str, line: str, colour, progress: float) -> np.ndarray:
    image = Image.new("RGB", (W, H), colour)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.truetype(FONT, 22), ImageFont.truetype(FONT, 15)
    draw.text((W // 2, 70), title, font=big, fill="white", anchor="mm")
    draw.text((W // 2, 110), line, font=small, fill=(235, 235, 235), anchor="mm")
    draw.rectangle((0, H - 6, int(W * progress), H), fill=(255, 210, 80))
    return np.asarray(image)


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(OUT), "w", format="webm") as container:
        stream = container.add_stream("libvpx-vp9", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        stream.options = {"crf": "40", "b:v": "0", "deadline": "good"}
        total = len(SLIDES) * SECONDS * FPS
        n = 0
        for title, line, colour in SLIDES:
            for _ in range(SECONDS * FPS):
                n += 1
                video = av.VideoFrame.from_ndarray(frame(title, line, colour, n / total), format="rgb24")
                for packet in stream.encode(video):
                    container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    print(OUT, OUT.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
