/**
 * The public pages are server-rendered documents that work fully without JavaScript. This small
 * script, loaded with `defer` on them (root.tsx), only improves them: live word and character
 * counts, files sent at once with progress, the deadline in the visitor's own time zone, no form
 * sent twice, and the focus on the error summary of a refused form. It has no framework, so a slow
 * phone downloads a few kilobytes, not a React app.
 */
import { focusWhatAsksForIt } from './focus';
import { guardFormsAgainstResending } from './form-sending';
import { enhanceLengthCounters } from './length-counters';
import { enhanceUploads } from './uploads';
import { showVisitorTimes } from './visitor-times';

showVisitorTimes(document);
enhanceLengthCounters(document);
enhanceUploads(document);
guardFormsAgainstResending(document);
focusWhatAsksForIt(document);
