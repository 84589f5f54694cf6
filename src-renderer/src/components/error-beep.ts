/** A short tone for a refused scan, so the picker hears it without looking (no sound file needed). */
export function errorBeep(): void {
  try {
    const audio = new AudioContext();
    const osc = audio.createOscillator();
    osc.type = 'square';
    osc.frequency.value = 220;
    osc.connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.25);
  } catch {
    // No audio device: the red banner still says it.
  }
}
