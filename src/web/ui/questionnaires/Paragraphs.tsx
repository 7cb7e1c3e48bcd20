import { Paragraph } from "../components/Paragraph.tsx";

/**
 * A text that staff typed, a paragraph for each blank line in it: a question's help, a page's
 * introduction, an action's instruction.
 */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return text.split(/\n{2,}/).map((paragraph, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the text is fixed; a paragraph's place is its identity
    <Paragraph key={index} className={className}>
      {paragraph}
    </Paragraph>
  ));
}
