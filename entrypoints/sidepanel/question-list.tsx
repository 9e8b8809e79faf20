// The question cards. Short lists render every card; long ones (hundreds of questions) render only the cards
// near the viewport, measured as they appear, so a 1,000-question page scrolls and filters like a short one.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';

/** Above this many visible cards the list is virtualized. */
export const VIRTUALIZE_ABOVE = 150;

export interface QuestionListHandle {
  /** Bring the card at `position` (an index into the visible list) into view. */
  scrollTo(position: number): void;
}

interface Props {
  count: number;
  /** A rough card height before it is measured. */
  estimate: number;
  renderCard: (position: number, style?: React.CSSProperties, measure?: (el: HTMLElement | null) => void) => ReactNode;
  handle: Ref<QuestionListHandle>;
}

function PlainList({ count, renderCard, handle }: Props) {
  const ref = useRef<HTMLOListElement>(null);
  useImperativeHandle(handle, () => ({
    scrollTo(position) {
      ref.current?.querySelectorAll('[data-testid=question]')[position]?.scrollIntoView({ block: 'center' });
    },
  }));
  return (
    <ol className="sp-list" aria-label="Questions on this page" ref={ref}>
      {Array.from({ length: count }, (_, i) => renderCard(i))}
    </ol>
  );
}

function VirtualList({ count, estimate, renderCard, handle }: Props) {
  const ref = useRef<HTMLOListElement>(null);
  const [margin, setMargin] = useState(0);
  const v = useWindowVirtualizer({
    count,
    estimateSize: () => estimate,
    overscan: 6,
    gap: 8,
    scrollMargin: margin,
  });
  useLayoutEffect(() => {
    // The list starts below the panel's header and controls; the virtualizer counts from the page top.
    const el = ref.current;
    if (!el) return;
    const update = () => setMargin(el.getBoundingClientRect().top + window.scrollY);
    update();
    const ro = new ResizeObserver(update);
    ro.observe(document.body);
    return () => ro.disconnect();
  }, []);
  useImperativeHandle(handle, () => ({ scrollTo: (position) => v.scrollToIndex(position, { align: 'center' }) }));
  return (
    <ol
      className="sp-list sp-list--virtual"
      aria-label="Questions on this page"
      ref={ref}
      style={{ height: v.getTotalSize(), position: 'relative' }}
    >
      {v.getVirtualItems().map((item) =>
        renderCard(
          item.index,
          {
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            transform: `translateY(${item.start - v.options.scrollMargin}px)`,
          },
          v.measureElement,
        ),
      )}
    </ol>
  );
}

export function QuestionList(props: Props) {
  return props.count > VIRTUALIZE_ABOVE ? <VirtualList {...props} /> : <PlainList {...props} />;
}
