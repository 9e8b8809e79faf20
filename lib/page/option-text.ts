// What a native <option> shows. The label attribute wins over the text content when present, and some
// libraries render options with a label and no text at all (JSON Forms vanilla: <option value="yes"
// label="Yes"></option>), so option.text alone reads "" for every option.
import { normalize } from './text';

export const optionText = (o: HTMLOptionElement): string => normalize(o.label || o.text);
