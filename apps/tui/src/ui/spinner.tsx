import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { useColor } from './color.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner with a label, shown while a request is in flight. */
export function Spinner({ label }: { label: string }) {
  const [frame, setFrame] = useState(0);
  const color = useColor();
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 80);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text {...color('cyan')}>
      {FRAMES[frame]} {label}
    </Text>
  );
}
