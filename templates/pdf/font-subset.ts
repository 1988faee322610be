/**
 * Font subsetting with HarfBuzz's hb-subset (the WebAssembly build shipped with harfbuzzjs).
 *
 * Every PDF embeds only the glyphs it draws, so every receipt subsets its fonts again. Loading a
 * font into HarfBuzz and working out its tables was most of that cost (about 7 ms per font per
 * document), so each font is loaded once per process and preprocessed (`hb_subset_preprocess`,
 * which HarfBuzz provides for exactly this: many subsets of one face); a document then pays only
 * for its own subset.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The exports of harfbuzz-subset.wasm used here (a C API: pointers are numbers). */
interface HbSubset {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/**
 * Hinting (TrueType instructions) only sharpens glyphs at small pixel sizes on screens that
 * rasterise without anti-aliasing; PDF viewers do not need it, and dropping it makes subsets
 * smaller and faster to build.
 */
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

let wasm: HbSubset | undefined;
function hbSubset(): HbSubset {
  if (!wasm) {
    const module = new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
    // The build imports nothing from JavaScript; an empty import object is enough.
    wasm = new WebAssembly.Instance(module, {}).exports as unknown as HbSubset;
    wasm._initialize();
  }
  return wasm;
}

/** A font kept in HarfBuzz's memory for the life of the process, ready to be subset many times. */
export interface SubsetSource {
  subset(text: Iterable<string>): Uint8Array;
}

export function createSubsetSource(fontFile: Uint8Array): SubsetSource {
  const hb = hbSubset();
  // The font bytes, the face and its preprocessed copy live as long as the process: a few
  // fonts, loaded once each.
  const data = hb.malloc(fontFile.byteLength);
  if (data === 0) throw new Error('hb-subset: no memory for the font');
  new Uint8Array(hb.memory.buffer).set(fontFile, data);
  const blob = hb.hb_blob_create(data, fontFile.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const prepared = hb.hb_subset_preprocess(face);
  hb.hb_face_destroy(face);

  return {
    subset(text) {
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('hb-subset: no memory for a subset input');
      let subset = 0;
      try {
        // Keep every layout feature (the default list leaves out some Arabic ones the shaper uses).
        const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
        hb.hb_set_clear(features);
        hb.hb_set_invert(features);
        hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
        subset = hb.hb_subset_or_fail(prepared, input);
        if (subset === 0) throw new Error('hb-subset: the font could not be subset');
      } finally {
        hb.hb_subset_input_destroy(input);
      }
      const result = hb.hb_face_reference_blob(subset);
      try {
        const length = hb.hb_blob_get_length(result);
        if (length === 0) throw new Error('hb-subset: the subset font is empty');
        const start = hb.hb_blob_get_data(result, 0);
        // Copied out: the WebAssembly memory is reused (and may grow, detaching views) next time.
        return new Uint8Array(hb.memory.buffer, start, length).slice();
      } finally {
        hb.hb_blob_destroy(result);
        hb.hb_face_destroy(subset);
      }
    },
  };
}
