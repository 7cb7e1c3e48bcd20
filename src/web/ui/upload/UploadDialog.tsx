import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../components/Button.tsx";
import { classNames } from "../components/class-names.ts";
import "../components/dialog.css";
import { ButtonGroup } from "../components/FormField.tsx";
import { Paragraph } from "../components/Paragraph.tsx";
import { formatFileSize } from "../format.ts";
import {
  isRunning,
  percentSent,
  startLabelKey,
  type UploadItem,
  uploadableItems,
} from "./upload-files.ts";
import { useTusUploads } from "./use-tus-uploads.ts";
import "./upload-dialog.css";

export interface UploadDialogProps {
  open: boolean;
  /** Annuleer, Escape, or every file arrived; running uploads are aborted first. */
  onClose(): void;
  /** The path of the tus endpoint, e.g. `pathOf(portalApi.uploads)`. */
  endpoint: string;
  /** Sent as tus metadata with `filename` and `filetype`, e.g. `{ dossierId }`. */
  metadata: Record<string, string>;
  /** Larger files are refused here already; the server enforces it too. */
  maxFileBytes: number;
  /** Called for every file that arrived, e.g. to reload the list of documents. */
  onUploaded(fileName: string): void;
}

/**
 * A modal dialog that uploads several files with the tus resumable protocol: drop them or
 * choose them with Bladeren, then upload them with a progress bar each. A dropped connection
 * resumes where it stopped. Closes itself once every file arrived; failed files stay listed
 * with the reason and can be tried again.
 */
export function UploadDialog({
  open,
  onClose,
  endpoint,
  metadata,
  maxFileBytes,
  onUploaded,
}: UploadDialogProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [dragging, setDragging] = useState(false);
  const { items, add, remove, start, reset } = useTusUploads({
    endpoint,
    metadata,
    maxFileBytes,
    onUploaded,
  });

  // Whether the parent still wants the dialog open when it closes itself (Escape, Annuleer).
  const wantedOpen = useRef(open);
  const latestOnClose = useRef(onClose);
  useEffect(() => {
    wantedOpen.current = open;
    latestOnClose.current = onClose;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Every way of closing ends here: the dialog's own close event.
  const handleClose = () => {
    reset();
    setDragging(false);
    if (wantedOpen.current) latestOnClose.current();
  };

  const running = isRunning(items);
  const toUpload = uploadableItems(items).length;
  const anyDone = items.some((item) => item.status === "done");
  const maxSize = formatFileSize(maxFileBytes, i18n.language);
  const dropLabelId = `${id}-drop`;

  const onStart = async () => {
    // The start button disappears while files upload; Annuleer stays and takes the focus.
    cancelRef.current?.focus();
    if (await start()) dialogRef.current?.close();
  };

  const onRemove = (item: UploadItem) => {
    remove(item.id);
    addRef.current?.focus();
  };

  // The whole dialog takes drops, so a file dropped beside the zone is added instead of
  // opened by the browser (which would leave the page).
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = running ? "none" : "copy";
    if (!running) setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = event.dataTransfer?.files;
    if (!running && files && files.length > 0) add(files);
  };

  return (
    <dialog
      ref={dialogRef}
      className="poort-dialog poort-upload-dialog"
      aria-labelledby={`${id}-title`}
      onClose={handleClose}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <h2 id={`${id}-title`} className="utrecht-heading-2 poort-dialog__title">
        {t("upload.title")}
      </h2>
      <Paragraph>{t("upload.intro", { max: maxSize })}</Paragraph>

      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        aria-label={t("upload.fileInput")}
        onChange={(event) => {
          if (event.target.files) add(event.target.files);
          // Lets the same file be chosen again after removing it.
          event.target.value = "";
        }}
      />

      {/*
       * Always present, even empty: screen readers only announce changes in a live region that
       * was already there, e.g. that a file just added is too large, or that a file arrived.
       */}
      <ul
        className="poort-upload-dialog__files"
        aria-label={t("upload.chosenFiles")}
        aria-live="polite"
      >
        {items.map((item) => (
          <FileRow
            key={item.id}
            item={item}
            maxSize={maxSize}
            removable={!running && item.status !== "done"}
            onRemove={() => onRemove(item)}
          />
        ))}
      </ul>

      {!running && (
        <fieldset
          aria-labelledby={dropLabelId}
          className={classNames(
            "poort-upload-dialog__drop-zone",
            items.length > 0 && "poort-upload-dialog__drop-zone--compact",
            dragging && "poort-upload-dialog__drop-zone--active",
          )}
        >
          <p id={dropLabelId} className="utrecht-paragraph poort-upload-dialog__drop-label">
            {t("upload.dropHere")}
          </p>
          <Button ref={addRef} onClick={() => inputRef.current?.click()}>
            {items.length > 0 ? t("upload.addMore") : t("upload.browse")}
          </Button>
        </fieldset>
      )}

      <ButtonGroup>
        {!running && toUpload > 0 && (
          <Button appearance="primary-action" onClick={onStart}>
            {t(startLabelKey, { count: toUpload })}
          </Button>
        )}
        <Button ref={cancelRef} onClick={() => dialogRef.current?.close()}>
          {anyDone && !running ? t("upload.close") : t("upload.cancel")}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}

interface FileRowProps {
  item: UploadItem;
  maxSize: string;
  removable: boolean;
  onRemove(): void;
}

/** One chosen file: name and size, its progress once it uploads, and what became of it. */
function FileRow({ item, maxSize, removable, onRemove }: FileRowProps) {
  const { t, i18n } = useTranslation();
  const { file, status } = item;
  const percent = percentSent(item.bytesSent, file.size);
  const showProgress = status === "uploading" || status === "done";
  const error =
    status === "tooLarge"
      ? t("upload.errors.tooLarge", { max: maxSize })
      : status === "failed" || status === "refused"
        ? (item.error ?? t("upload.errors.failed"))
        : undefined;
  const statusText =
    status === "waiting"
      ? t("upload.status.waiting")
      : status === "uploading"
        ? t("upload.status.uploading")
        : status === "done"
          ? t("upload.status.done")
          : undefined;

  return (
    <li
      className={classNames(
        "poort-upload-dialog__file",
        error !== undefined && "poort-upload-dialog__file--invalid",
      )}
    >
      <span className="poort-upload-dialog__file-name">{file.name}</span>
      <span className="poort-upload-dialog__file-size">
        {formatFileSize(file.size, i18n.language)}
      </span>
      {removable && (
        <Button
          appearance="subtle"
          className="poort-upload-dialog__remove"
          aria-label={t("upload.remove", { name: file.name })}
          onClick={onRemove}
        >
          ×
        </Button>
      )}
      {showProgress && (
        <span className="poort-upload-dialog__progress">
          <progress
            max={100}
            value={percent}
            aria-label={t("upload.progress", { name: file.name })}
          />
          {/* The bar tells screen readers the percentage; read aloud here it would repeat. */}
          <span aria-hidden="true">{percent}%</span>
        </span>
      )}
      {statusText && <span className="poort-upload-dialog__status">{statusText}</span>}
      {error && (
        <span className="utrecht-form-field-error-message poort-upload-dialog__error">{error}</span>
      )}
    </li>
  );
}
