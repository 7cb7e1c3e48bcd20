import { time } from "../report.ts";
import { type Renderer, renderers } from "./pdf-renders.ts";

/**
 * The process of its own that `coldRender` (pdf-bench.ts) starts for the first render of the
 * renderer named on the command line: prints its milliseconds.
 */
const render = renderers();
const renderer = process.argv[2] as Renderer;
if (!(renderer in render)) throw new Error(`no renderer ${JSON.stringify(renderer)}`);
console.log(await time(render[renderer]));
