/** The current time, injected so that core code never reads the clock itself. */
export type Clock = () => Date;
