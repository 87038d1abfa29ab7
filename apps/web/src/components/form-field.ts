import { el, uniqueId } from '../dom/element.js';

export interface FieldSpec {
  name: string;
  label: string;
  type:
    'text' | 'textarea' | 'select' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'checkbox' | 'date';
  value?: unknown;
  required?: boolean;
  options?: string[];
  /** The text shown for an option (its value is what is sent). */
  optionLabel?: (option: string) => string;
  hint?: string;
  autocomplete?: string;
  minLength?: number;
  maxLength?: number;
  /** Rendered next to the label of required fields. */
  requiredText?: string;
}

/**
 * One labelled form control with room for a hint and an error message, both tied to the control
 * with aria-describedby so screen readers read them with it.
 */
export function formField(spec: FieldSpec): HTMLElement {
  const id = uniqueId(`f-${spec.name}`);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [spec.hint ? hintId : '', errorId].filter(Boolean).join(' ');
  const common = { id, name: spec.name, required: spec.required ?? false, 'aria-describedby': describedBy };
  let control: HTMLElement;
  if (spec.type === 'textarea') {
    control = el(
      'textarea',
      { ...common, rows: 5, maxlength: spec.maxLength },
      spec.value == null ? '' : String(spec.value),
    );
  } else if (spec.type === 'select') {
    const select = el('select', common, spec.required ? null : el('option', { value: '' }, '—'));
    for (const option of spec.options ?? []) {
      const text = spec.optionLabel ? spec.optionLabel(option) : option;
      select.append(el('option', { value: option, selected: option === spec.value }, text));
    }
    control = select;
  } else if (spec.type === 'checkbox') {
    control = el('input', { ...common, type: 'checkbox', checked: spec.value === true });
  } else {
    control = el('input', {
      ...common,
      type: spec.type,
      value: spec.value == null ? '' : String(spec.value),
      autocomplete: spec.autocomplete,
      minlength: spec.minLength,
      maxlength: spec.maxLength,
    });
  }
  const label = el(
    'label',
    { for: id },
    spec.label,
    spec.required ? el('span', { class: 'required' }, ` (${spec.requiredText ?? 'required'})`) : null,
  );
  const error = el('p', { class: 'field-error', id: errorId, hidden: true });
  // Once the user changes a field the API refused, its old message no longer applies.
  control.addEventListener('input', () => {
    control.removeAttribute('aria-invalid');
    error.hidden = true;
  });
  return el(
    'div',
    // data-label: the error summary names the field exactly as its label does.
    { class: `field field-${spec.type}`, 'data-field': spec.name, 'data-label': spec.label },
    ...(spec.type === 'checkbox' ? [control, label] : [label, control]),
    spec.hint ? el('p', { class: 'hint', id: hintId }, spec.hint) : null,
    error,
  );
}

/** A field of the form, by name: its label and control, for error messages and summary links. */
export function fieldOf(
  form: HTMLFormElement,
  name: string,
): { label: string; control: HTMLElement; message: HTMLElement } | null {
  if (!name) return null;
  const field = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
  const control = field?.querySelector<HTMLElement>('input, textarea, select');
  const message = field?.querySelector<HTMLElement>('.field-error');
  if (!field || !control || !message) return null;
  return { label: field.dataset.label ?? name, control, message };
}

/** Shows `messages` under the field and marks its control invalid; false when the form has no such field. */
export function showFieldError(form: HTMLFormElement, name: string, messages: string[]): boolean {
  const field = fieldOf(form, name);
  if (!field) return false;
  field.control.setAttribute('aria-invalid', 'true');
  field.message.textContent = messages.join(' ');
  field.message.hidden = false;
  return true;
}

export function clearFieldErrors(form: HTMLFormElement): void {
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const message of form.querySelectorAll<HTMLElement>('.field-error')) {
    message.textContent = '';
    message.hidden = true;
  }
}
