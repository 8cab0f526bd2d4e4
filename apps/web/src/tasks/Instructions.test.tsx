import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Instructions } from "./Instructions.tsx";

describe("Instructions", () => {
  it("renders Markdown", () => {
    const html = renderToStaticMarkup(<Instructions text={"Check **the amount**."} />);
    expect(html).toContain("<strong>the amount</strong>");
  });

  it("loads no image: an image becomes a link to it", () => {
    const html = renderToStaticMarkup(
      <Instructions
        text={
          "Look ![the order](https://tracker.example/pixel.gif?who=me) and ![](https://tracker.example/b.png) and <img src=https://tracker.example/c.png>"
        }
      />,
    );
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain(
      '<a href="https://tracker.example/pixel.gif?who=me" target="_blank" rel="noreferrer noopener">the order (image, not loaded)</a>',
    );
    expect(html).toContain("image (image, not loaded)</a>");
  });
});
