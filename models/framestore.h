#pragma once

// Compact storage for millions of timeline rows (work in progress).
class FrameStore
{
};
