import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "#src/contracts/locale.ts";
import type { FileAnswer } from "#src/contracts/questionnaires/answers.ts";
import type { Question } from "#src/contracts/questionnaires/definition.ts";
import { Button } from "../components/Button.tsx";
import { classNames } from "../components/class-names.ts";
import { FieldError } from "../components/FormField.tsx";
import { Link } from "../components/Link.tsx";
import { VisuallyHidden } from "../components/VisuallyHidden.tsx";
import { questionErrorText } from "./error-text.ts";
import { Paragraphs } from "./Paragraphs.tsx";
import { controlId, isFileAnswer, isTypedAddress, type TypedAnswer } from "./typed-answers.ts";
import "./questionnaires.css";

/** More options than this show as a drop-down list instead of radio buttons. */
const MAX_RADIOS = 6;

/** How a file question gets its file: the upload dialog of the page that shows it. */
export interface FileChooser {
  /** Opens the upload dialog; `chosen` gets the uploaded file. */
  choose(chosen: (file: FileAnswer) => void): void;
  /** The file is no longer the answer, e.g. to delete an upload nobody saved. */
  removed(file: FileAnswer): void;
  /** Why no file can be added now (e.g. the dossier takes no more); the button then hides. */
  unavailable?: string;
  /** Where a saved file can be downloaded, if it can. */
  href?(file: FileAnswer): string | undefined;
  busy?: boolean;
}

export interface QuestionFieldProps {
  question: Question;
  /** Where the answer sits: "naam", or in a group "erfgenaam.0.erfgenaam_naam". */
  answerKey: string;
  value: TypedAnswer;
  onChange(value: TypedAnswer): void;
  /** The code of what is wrong with the answer, from `validatePage` or the server. */
  errorCode?: string;
  locale: Locale;
  files?: FileChooser;
}

/**
 * One question of a questionnaire with the control its type asks for: its label (with
 * "verplicht" when it is), the help text and error tied to the control with aria-describedby,
 * and radio buttons, check boxes, the address and the file in a fieldset of their own.
 */
export function QuestionField(props: QuestionFieldProps) {
  const { question } = props;
  switch (question.type) {
    case "yesNo":
    case "singleChoice":
      return question.type === "singleChoice" && (question.options?.length ?? 0) > MAX_RADIOS ? (
        <SelectQuestion {...props} />
      ) : (
        <RadioQuestion {...props} />
      );
    case "multipleChoice":
      return <CheckboxQuestion {...props} />;
    case "postcode":
      return <AddressQuestion {...props} />;
    case "file":
      return <FileQuestion {...props} />;
    case "longText":
      return <TextAreaQuestion {...props} />;
    default:
      return <TextQuestion {...props} />;
  }
}

/** The ids and texts every question has around its control. */
function useQuestionParts({ question, answerKey, errorCode, locale }: QuestionFieldProps) {
  const { t } = useTranslation();
  const id = controlId(answerKey);
  const help = question.help?.[locale];
  const format = formatHint(question, t);
  const descriptionId = help || format ? `${id}-hint` : undefined;
  const error = errorCode ? questionErrorText(t, errorCode, question) : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  const label = (
    <>
      {question.label[locale]}
      {question.required && (
        <span className="poort-question__required"> ({t("questionnaires.required")})</span>
      )}
    </>
  );
  const description = descriptionId ? (
    <div id={descriptionId} className="utrecht-form-field-description poort-question__hint">
      {help && <Paragraphs text={help} className="poort-question__help" />}
      {format && <p className="utrecht-paragraph">{format}</p>}
    </div>
  ) : null;
  const errorMessage = errorId ? <FieldError id={errorId}>{error}</FieldError> : null;
  return { id, label, description, errorMessage, describedBy, invalid: Boolean(error) };
}

type QuestionParts = ReturnType<typeof useQuestionParts>;

/** An example of the notation a type wants, where people could doubt it. */
function formatHint(question: Question, t: ReturnType<typeof useTranslation>["t"]) {
  switch (question.type) {
    case "amount":
      return t("questionnaires.formats.amount");
    case "number":
      return t("questionnaires.formats.number");
    case "iban":
      return t("questionnaires.formats.iban");
    case "bsn":
      return t("questionnaires.formats.bsn");
    case "phone":
      return t("questionnaires.formats.phone");
    default:
      return undefined;
  }
}

/** A question with one control under its label: a text box or text area or drop-down. */
function SingleControl({
  parts,
  kind,
  children,
}: {
  parts: QuestionParts;
  kind: "text" | "textarea" | "select";
  children: ReactNode;
}) {
  return (
    <div
      className={classNames(
        "utrecht-form-field",
        `utrecht-form-field--${kind}`,
        "poort-question",
        parts.invalid && "utrecht-form-field--invalid",
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={parts.id}>
          {parts.label}
        </label>
      </div>
      {parts.description}
      {parts.errorMessage}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

/** A question with several controls: radio buttons, check boxes, the address, the file. */
function FieldsetControl({
  parts,
  children,
  className,
}: {
  parts: QuestionParts;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset
      className={classNames(
        "utrecht-form-fieldset",
        "utrecht-form-fieldset--html-fieldset",
        "poort-question",
        "poort-question--fieldset",
        parts.invalid && "utrecht-form-fieldset--invalid",
        className,
      )}
      aria-describedby={parts.describedBy}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {parts.label}
      </legend>
      {parts.description}
      {parts.errorMessage}
      {children}
    </fieldset>
  );
}

/** What a text box, text area or drop-down gets from its question: the typed text, its aria. */
function textControl(parts: QuestionParts, { value, onChange }: QuestionFieldProps) {
  return {
    id: parts.id,
    value: typeof value === "string" ? value : "",
    "aria-invalid": parts.invalid || undefined,
    "aria-describedby": parts.describedBy,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
}

const textboxClass = (invalid: boolean, ...extra: string[]) =>
  classNames(
    "utrecht-textbox",
    "utrecht-textbox--html-input",
    invalid && "utrecht-textbox--invalid",
    ...extra,
  );

/** The attributes of the box by type: what a phone's keyboard offers, and the box's width. */
function inputAttributes(question: Question) {
  switch (question.type) {
    case "number":
      return { type: "text", inputMode: "decimal", className: "utrecht-textbox--numeric" } as const;
    case "amount":
      return { type: "text", inputMode: "decimal", className: "poort-question__amount" } as const;
    case "date":
      return { type: "date", className: "poort-question__date" } as const;
    case "email":
      return { type: "email", spellCheck: false, className: "" } as const;
    case "phone":
      return { type: "tel", className: "utrecht-textbox--tel-size" } as const;
    case "iban":
      return {
        type: "text",
        spellCheck: false,
        autoCapitalize: "characters",
        className: "utrecht-textbox--iban-size",
      } as const;
    case "bsn":
      return {
        type: "text",
        inputMode: "numeric",
        spellCheck: false,
        className: "poort-question__bsn",
      } as const;
    default:
      return { type: "text", className: "" } as const;
  }
}

function TextQuestion(props: QuestionFieldProps) {
  const parts = useQuestionParts(props);
  const { className, ...attributes } = inputAttributes(props.question);
  const input = (
    <input
      {...attributes}
      className={textboxClass(parts.invalid, className)}
      {...textControl(parts, props)}
    />
  );
  return (
    <SingleControl parts={parts} kind="text">
      {props.question.type === "amount" ? (
        <div className="poort-question__prefixed">
          <span className="poort-question__prefix" aria-hidden="true">
            €
          </span>
          {input}
        </div>
      ) : (
        input
      )}
    </SingleControl>
  );
}

function TextAreaQuestion(props: QuestionFieldProps) {
  const parts = useQuestionParts(props);
  return (
    <SingleControl parts={parts} kind="textarea">
      <textarea
        rows={5}
        className={classNames(
          "utrecht-textarea",
          "utrecht-textarea--html-textarea",
          "poort-textarea",
          parts.invalid && "utrecht-textarea--invalid",
        )}
        {...textControl(parts, props)}
      />
    </SingleControl>
  );
}

/** The options of a choice, or Ja and Nee. */
function choices(question: Question, locale: Locale, t: ReturnType<typeof useTranslation>["t"]) {
  if (question.type === "yesNo") {
    return [
      { value: "yes", label: t("questionnaires.yes"), answer: true },
      { value: "no", label: t("questionnaires.no"), answer: false },
    ];
  }
  return (question.options ?? []).map((option) => ({
    value: option.value,
    label: option.label[locale],
    answer: option.value,
  }));
}

function RadioQuestion(props: QuestionFieldProps) {
  const { t } = useTranslation();
  const parts = useQuestionParts(props);
  return (
    <ChoiceOptions
      type="radio"
      parts={parts}
      options={choices(props.question, props.locale, t)}
      isChecked={(option) => props.value === option.answer}
      onCheck={(option) => props.onChange(option.answer)}
    />
  );
}

function SelectQuestion(props: QuestionFieldProps) {
  const { t } = useTranslation();
  const parts = useQuestionParts(props);
  const options = choices(props.question, props.locale, t);
  return (
    <SingleControl parts={parts} kind="select">
      <select
        className={classNames(
          "utrecht-select",
          "utrecht-select--html-select",
          parts.invalid && "utrecht-select--invalid",
        )}
        {...textControl(parts, props)}
      >
        <option value="">{t("questionnaires.choose")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </SingleControl>
  );
}

function CheckboxQuestion(props: QuestionFieldProps) {
  const { t } = useTranslation();
  const parts = useQuestionParts(props);
  const chosen = Array.isArray(props.value) ? props.value : [];
  const options = choices(props.question, props.locale, t);
  const toggle = (value: string, checked: boolean) =>
    props.onChange(
      checked
        ? options.map((option) => option.value).filter((v) => v === value || chosen.includes(v))
        : chosen.filter((other) => other !== value),
    );
  return (
    <ChoiceOptions
      type="checkbox"
      parts={parts}
      options={options}
      isChecked={(option) => chosen.includes(option.value)}
      onCheck={(option, checked) => toggle(option.value, checked)}
    />
  );
}

type Choice = ReturnType<typeof choices>[number];

/**
 * The radio buttons or check boxes of a choice in the question's fieldset, each beside its
 * label; the first has the question's id, so an error's link lands on it.
 */
function ChoiceOptions({
  type,
  parts,
  options,
  isChecked,
  onCheck,
}: {
  type: "radio" | "checkbox";
  parts: QuestionParts;
  options: Choice[];
  isChecked: (option: Choice) => boolean;
  onCheck: (option: Choice, checked: boolean) => void;
}) {
  const input = type === "radio" ? "utrecht-radio-button" : "utrecht-checkbox";
  return (
    <FieldsetControl parts={parts}>
      <div className="poort-question__options">
        {options.map((option, index) => {
          const id = index === 0 ? parts.id : `${parts.id}-${option.value}`;
          return (
            <div
              key={option.value}
              className={`utrecht-form-field utrecht-form-field--${type} poort-question__option`}
            >
              <div className="utrecht-form-field__input">
                <input
                  id={id}
                  type={type}
                  name={type === "radio" ? parts.id : undefined}
                  value={option.value}
                  className={classNames(
                    input,
                    `${input}--html-input`,
                    parts.invalid && `${input}--invalid`,
                  )}
                  checked={isChecked(option)}
                  aria-invalid={parts.invalid || undefined}
                  onChange={(event) => onCheck(option, event.target.checked)}
                />
              </div>
              <div className={`utrecht-form-field__label utrecht-form-field__label--${type}`}>
                <label className={`utrecht-form-label utrecht-form-label--${type}`} htmlFor={id}>
                  {option.label}
                </label>
              </div>
            </div>
          );
        })}
      </div>
    </FieldsetControl>
  );
}

/** Which of the three boxes an address error is about. */
function addressErrorBox(code: string | undefined) {
  if (code === "invalid_house_number") return "houseNumber";
  if (code === "invalid_house_number_addition") return "addition";
  if (code === "required") return "both";
  return code ? "postcode" : undefined;
}

function AddressQuestion(props: QuestionFieldProps) {
  const { t } = useTranslation();
  const parts = useQuestionParts(props);
  const value = isTypedAddress(props.value)
    ? props.value
    : { postcode: "", houseNumber: "", addition: "" };
  const wrong = addressErrorBox(props.errorCode);
  const boxes = [
    {
      field: "postcode",
      id: parts.id,
      label: t("questionnaires.address.postcode"),
      size: "utrecht-textbox--postal-code-nl-size",
      autoComplete: "postal-code",
      invalid: wrong === "postcode" || wrong === "both",
    },
    {
      field: "houseNumber",
      id: `${parts.id}-house-number`,
      label: t("questionnaires.address.houseNumber"),
      size: "utrecht-textbox--house-number-size",
      inputMode: "numeric",
      invalid: wrong === "houseNumber" || wrong === "both",
    },
    {
      field: "addition",
      id: `${parts.id}-addition`,
      label: t("questionnaires.address.addition"),
      size: "utrecht-textbox--house-addition-size",
      invalid: wrong === "addition",
    },
  ] as const;
  return (
    <FieldsetControl parts={parts}>
      <div className="poort-question__address">
        {boxes.map((box) => (
          <div key={box.field} className="utrecht-form-field utrecht-form-field--text">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor={box.id}>
                {box.label}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <input
                id={box.id}
                type="text"
                className={textboxClass(box.invalid, box.size)}
                autoComplete={"autoComplete" in box ? box.autoComplete : "off"}
                inputMode={"inputMode" in box ? box.inputMode : undefined}
                spellCheck={false}
                value={value[box.field]}
                aria-invalid={box.invalid || undefined}
                onChange={(event) => props.onChange({ ...value, [box.field]: event.target.value })}
              />
            </div>
          </div>
        ))}
      </div>
    </FieldsetControl>
  );
}

function FileQuestion(props: QuestionFieldProps) {
  const { t } = useTranslation();
  const parts = useQuestionParts(props);
  const file = isFileAnswer(props.value) ? props.value : null;
  const { files } = props;
  const href = file ? files?.href?.(file) : undefined;
  const choose = () => files?.choose((chosen) => props.onChange(chosen));
  return (
    <FieldsetControl parts={parts}>
      {file ? (
        <div className="poort-question__file">
          <p className="utrecht-paragraph">
            {t("questionnaires.file.chosen")}{" "}
            {href ? (
              <Link href={href} download={file.name}>
                {file.name}
              </Link>
            ) : (
              <strong>{file.name}</strong>
            )}
          </p>
          <div className="utrecht-button-group">
            <Button
              id={parts.id}
              disabled={files?.busy}
              onClick={() => {
                files?.removed(file);
                props.onChange(null);
              }}
            >
              {t("questionnaires.file.remove")}
              <VisuallyHidden> {file.name}</VisuallyHidden>
            </Button>
          </div>
        </div>
      ) : (
        <div className="poort-question__file">
          <p className="utrecht-paragraph">{t("questionnaires.file.none")}</p>
          {files?.unavailable ? (
            <p className="utrecht-paragraph">{files.unavailable}</p>
          ) : (
            <div className="utrecht-button-group">
              <Button id={parts.id} disabled={!files || files.busy} onClick={choose}>
                {t("questionnaires.file.add")}
              </Button>
            </div>
          )}
        </div>
      )}
    </FieldsetControl>
  );
}
